using System.Linq;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    /// <summary>Patterns EventBridge would refuse become the module's own errors, never a raw EventPatternException.</summary>
    public class EventPatternSizeErrorTests
    {
        [Fact]
        public void A_hundred_thousand_resource_names_are_EventPatternTooLarge_with_the_names_as_target()
        {
            var names = Enumerable.Range(0, 100_000).Select(i => "training-job-" + i).ToArray();
            var e = Assert.Throws<MonitoringException>(() => SageMakerEventPatternBuilder.Build(new[] { "TrainingJobStateChange" }, null, names));
            Assert.Equal("EventPatternTooLarge", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("4,096", e.Message);
            Assert.Contains("100,000 resource name(s)", e.Message);
            Assert.Equal(names, Assert.IsType<string[]>(e.TargetObject));
            Assert.NotNull(e.RecommendedAction);
        }

        [Fact]
        public void A_few_names_still_build()
        {
            var pattern = SageMakerEventPatternBuilder.Build(new[] { "TrainingJobStateChange" }, null, new[] { "a", "b*" });
            Assert.True(EventPattern.Parse(pattern).Matches("{\"source\":\"aws.sagemaker\",\"detail-type\":\"SageMaker Training Job State Change\",\"detail\":{\"TrainingJobName\":\"b1\"}}"));
        }

        [Fact]
        public void A_pattern_given_as_text_over_the_limit_is_EventPatternTooLarge()
        {
            var pattern = "{\"detail\":{\"n\":[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => "\"x" + i + "\"")) + "]}}";
            var e = Assert.Throws<MonitoringException>(() => EventRuleService.ValidatePattern(pattern));
            Assert.Equal("EventPatternTooLarge", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        }

        [Fact]
        public void Any_other_refusal_is_InvalidEventPattern_naming_the_part()
        {
            var e = EventPatternErrors.Invalid(Assert.Throws<EventPatternException>(() => EventPattern.Parse("{\"a\":[{\"wildcard\":\"x**\"}]}")), null);
            Assert.Equal("InvalidEventPattern", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("'a[0].wildcard'", e.Message);
        }
    }
}
