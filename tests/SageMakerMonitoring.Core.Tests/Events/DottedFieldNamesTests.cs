using SageMakerMonitoring.Core.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    /// <summary>
    /// What the engine does around dotted names beyond the match outcome (which the reference corpus,
    /// Corpus/dotted-field-names.json, decides): the event is kept as written, only events with dotted names are
    /// rewritten, and a miss is explained at the dotted path.
    /// </summary>
    public class DottedFieldNamesTests
    {
        [Fact]
        public void The_parsed_event_keeps_its_dotted_names_as_written()
        {
            var evt = ParsedEvent.Parse("{\"source\":\"aws.sagemaker\",\"detail.TrainingJobStatus\":\"Failed\"}");
            Assert.Equal("{\"source\":\"aws.sagemaker\",\"detail.TrainingJobStatus\":\"Failed\"}", evt.ToJson());
            Assert.Equal("Failed", evt.GetString("detail.TrainingJobStatus"));
            Assert.True(EventPattern.Parse("{\"detail\":{\"TrainingJobStatus\":[\"Failed\"]}}").Matches(evt));
        }

        [Fact]
        public void Only_events_with_dotted_names_are_rewritten()
        {
            var plain = ParsedEvent.Parse("{\"detail\":{\"TrainingJobStatus\":\"Failed\",\"tags\":[{\"k\":\"v\"}]}}");
            Assert.Same(plain.Root, plain.MatchRoot);

            var deep = ParsedEvent.Parse("{\"detail\":{\"tags\":[{\"team.name\":\"ml\"}]}}");
            Assert.NotSame(deep.Root, deep.MatchRoot);
            Assert.True(EventPattern.Parse("{\"detail\":{\"tags\":{\"team\":{\"name\":[\"ml\"]}}}}").Matches(deep));
        }

        [Fact]
        public void Two_dots_in_a_row_name_an_empty_step()
        {
            // "a..b" is the path a, "", b in both the pattern and the event; it is not a.b.
            Assert.True(EventPattern.Parse("{\"a..b\":[1]}").Matches("{\"a\":{\"\":{\"b\":1}}}"));
            Assert.True(EventPattern.Parse("{\"a\":{\"\":{\"b\":[1]}}}").Matches("{\"a..b\":1}"));
            Assert.False(EventPattern.Parse("{\"a..b\":[1]}").Matches("{\"a\":{\"b\":1}}"));
        }

        [Fact]
        public void A_miss_on_a_dotted_key_is_explained_at_its_path()
        {
            var result = EventPattern.Parse("{\"detail.TrainingJobStatus\":[\"Failed\"]}").Evaluate("{\"detail\":{\"TrainingJobStatus\":\"Completed\"}}");
            Assert.False(result.IsMatch);
            Assert.Equal("detail.TrainingJobStatus", result.FailedPath);
            Assert.Contains("\"Completed\"", result.Reason);
        }

        [Fact]
        public void A_dotted_key_that_is_not_an_array_or_object_is_refused_at_its_path()
        {
            var e = Assert.Throws<EventPatternException>(() => EventPattern.Parse("{\"detail.TrainingJobStatus\":\"Failed\"}"));
            Assert.Equal("detail.TrainingJobStatus", e.Path);
        }
    }
}
