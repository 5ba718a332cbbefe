using System;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Logs;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    public class LogTimeRangeResolverTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        private static SageMakerJobDescription Job(string status, DateTime created, DateTime? end) =>
            new SageMakerJobDescription { Name = "j", Status = status, CreationTime = created, StartTime = created.AddMinutes(5), EndTime = end };

        [Fact]
        public void CompletedJobDefaultsToItsLifetimePlusGrace()
        {
            var w = LogTimeRangeResolver.Resolve(Job("Completed", Now.AddHours(-5), Now.AddHours(-4)), null, null, null, Now, follow: false);
            Assert.Equal(Now.AddHours(-5), w.Start);
            Assert.Equal(Now.AddHours(-4) + LogTimeRangeResolver.JobEndGrace, w.End);
        }

        [Fact]
        public void RunningJobReadsFromCreationToTheNewestEvent()
        {
            var w = LogTimeRangeResolver.Resolve(Job("InProgress", Now.AddHours(-2), null), null, null, null, Now, follow: false);
            Assert.Equal(Now.AddHours(-2), w.Start);
            Assert.Null(w.End);
        }

        [Fact]
        public void FollowLeavesTheEndOpenEvenForAFinishedJob()
        {
            var w = LogTimeRangeResolver.Resolve(Job("Completed", Now.AddHours(-5), Now.AddHours(-4)), null, null, null, Now, follow: true);
            Assert.Null(w.End);
        }

        [Fact]
        public void SinceWinsOverTheJobLifetime()
        {
            var w = LogTimeRangeResolver.Resolve(Job("Completed", Now.AddHours(-5), Now.AddHours(-4)), null, null, TimeSpan.FromMinutes(30), Now, follow: false);
            Assert.Equal(Now.AddMinutes(-30), w.Start);
            Assert.Null(w.End);
        }

        [Fact]
        public void NonJobsLookBackTheDefault()
        {
            var w = LogTimeRangeResolver.Resolve(null, null, null, null, Now, follow: false);
            Assert.Equal(Now - LogTimeRangeResolver.DefaultLookBack, w.Start);
            Assert.Null(w.End);
        }

        [Fact]
        public void SinceCountsBackFromAnExplicitEnd()
        {
            var w = LogTimeRangeResolver.Resolve(null, null, Now.AddHours(-1), TimeSpan.FromMinutes(10), Now, follow: false);
            Assert.Equal(Now.AddMinutes(-70), w.Start);
            Assert.Equal(Now.AddHours(-1), w.End);
        }

        [Fact]
        public void ExplicitRangeIsKept()
        {
            var w = LogTimeRangeResolver.Resolve(null, Now.AddDays(-1), Now.AddHours(-20), null, Now, follow: false);
            Assert.Equal(Now.AddDays(-1), w.Start);
            Assert.Equal(Now.AddHours(-20), w.End);
        }

        [Fact]
        public void ConflictsAndInvertedRangesAreUserErrors()
        {
            Assert.Equal("InvalidTimeRange", Assert.Throws<MonitoringException>(() => LogTimeRangeResolver.Resolve(null, Now, null, TimeSpan.FromHours(1), Now, false)).ErrorId);
            Assert.Equal("InvalidTimeRange", Assert.Throws<MonitoringException>(() => LogTimeRangeResolver.Resolve(null, null, Now, null, Now, true)).ErrorId);
            Assert.Equal("InvalidTimeRange", Assert.Throws<MonitoringException>(() => LogTimeRangeResolver.Resolve(null, Now, Now.AddHours(-1), null, Now, false)).ErrorId);
        }
    }
}
