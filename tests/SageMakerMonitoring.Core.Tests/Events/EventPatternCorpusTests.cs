using System.Linq;
using SageMakerMonitoring.Core.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    /// <summary>The module's pattern engine against every case of the reference corpus.</summary>
    public class EventPatternCorpusTests
    {
        public static TheoryData<string> Cases => EventPatternCorpus.Ids();

        [Theory]
        [MemberData(nameof(Cases))]
        public void Engine_agrees_with_the_reference(string id)
        {
            var c = EventPatternCorpus.Get(id);
            var pattern = EventPattern.Parse(c.Pattern);
            Assert.True(c.Match == pattern.Matches(c.Event),
                id + " (" + c.Source + "): pattern " + c.Pattern + " against event " + c.Event + " should " + (c.Match ? "" : "not ") + "match");
            // The pre-parsed fast path and the explanation agree with the plain answer.
            Assert.Equal(c.Match, pattern.Matches(ParsedEvent.Parse(c.Event)));
            Assert.Equal(c.Match, pattern.Evaluate(c.Event).IsMatch);
        }

        [Fact]
        public void The_corpus_is_several_hundred_cases_from_named_sources_with_both_outcomes()
        {
            var all = EventPatternCorpus.All;
            Assert.True(all.Count >= 400, "corpus has " + all.Count + " cases");
            Assert.All(all, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
            Assert.Contains(all, c => c.Match);
            Assert.True(all.Count(c => !c.Match) > all.Count / 4, "too few non-matching cases");
            // Every family the engine must agree on is present.
            foreach (var file in new[] { "exact.json", "prefix-suffix.json", "anything-but.json", "numeric.json", "exists.json", "cidr.json", "wildcard.json", "equals-ignore-case.json", "or.json", "arrays-and-objects.json", "dotted-field-names.json" })
            {
                Assert.Contains(all, c => c.Id.StartsWith(file + "#", System.StringComparison.Ordinal));
            }
        }
    }
}
