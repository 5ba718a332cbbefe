using System;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>When a call that AWS keeps throttling is reported: driven by made-up times, never by sleeping.</summary>
    public class ThrottlingWatchTests
    {
        private static readonly DateTime Start = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
        private static readonly TimeSpan Ten = TimeSpan.FromSeconds(10);

        [Fact]
        public void NoWarningBeforeTheThreshold()
        {
            var watch = new ThrottlingWatch(Start, Ten);
            watch.AttemptFailed(throttled: true);
            Assert.False(watch.ShouldWarn(Start.AddSeconds(1)));
            watch.AttemptFailed(throttled: true);
            Assert.False(watch.ShouldWarn(Start.AddSeconds(9.9)));
        }

        [Fact]
        public void OneWarningPerCallOnceTheThresholdHasPassed()
        {
            var watch = new ThrottlingWatch(Start, Ten);
            watch.AttemptFailed(throttled: true);
            Assert.False(watch.ShouldWarn(Start.AddSeconds(3)));
            watch.AttemptFailed(throttled: true);
            Assert.True(watch.ShouldWarn(Start.AddSeconds(10)));
            watch.AttemptFailed(throttled: true);
            Assert.False(watch.ShouldWarn(Start.AddSeconds(25)));
            Assert.False(watch.ShouldWarn(Start.AddSeconds(60)));
            Assert.Equal(3, watch.ThrottledAttempts);
        }

        [Fact]
        public void OtherFailuresAreNotThrottling()
        {
            var watch = new ThrottlingWatch(Start, Ten);
            watch.AttemptFailed(throttled: false);
            watch.AttemptFailed(throttled: false);
            Assert.False(watch.ShouldWarn(Start.AddSeconds(30)));
            // The call turns throttled later: the warning comes then, once.
            watch.AttemptFailed(throttled: true);
            Assert.True(watch.ShouldWarn(Start.AddSeconds(31)));
            Assert.False(watch.ShouldWarn(Start.AddSeconds(32)));
        }

        [Fact]
        public void AfterASuccessfulFirstAttemptNothingIsSaid()
        {
            var watch = new ThrottlingWatch(Start, Ten);
            Assert.False(watch.ShouldWarn(Start.AddSeconds(100)));
        }

        [Fact]
        public void TheTextNamesTheApiAndSaysItKeepsTrying()
        {
            var watch = new ThrottlingWatch(Start, Ten);
            for (var i = 0; i < 4; i++) watch.AttemptFailed(throttled: true);
            var text = watch.WarningText("CloudWatch", "GetMetricData", Start.AddSeconds(12));
            Assert.Contains("CloudWatch GetMetricData", text);
            Assert.Contains("4 of 4 attempts in 12 s", text);
            Assert.Contains("Still retrying", text);
        }

        [Fact]
        public void TheProcessThresholdIsTenSecondsUnlessSet()
        {
            var configured = Environment.GetEnvironmentVariable("SAGEMAKERMONITORING_THROTTLING_WARNING_SECONDS");
            if (string.IsNullOrEmpty(configured)) Assert.Equal(TimeSpan.FromSeconds(10), ThrottlingWatch.ProcessThreshold);
        }
    }
}
