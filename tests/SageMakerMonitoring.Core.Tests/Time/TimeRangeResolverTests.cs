using System;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Time
{
    public class TimeRangeResolverTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        private static ResolvedTimeRange Metrics(DateTime? start = null, DateTime? end = null, TimeSpan? since = null, ResourceTimeSpan? span = null) =>
            TimeRangeResolver.Resolve(new TimeRangeRequest { Service = TimeRangeService.Metrics, StartTime = start, EndTime = end, Since = since, ResourceSpan = span }, Now);

        private static ResolvedTimeRange Logs(DateTime? start = null, DateTime? end = null, TimeSpan? since = null, ResourceTimeSpan? span = null, bool follow = false) =>
            TimeRangeResolver.Resolve(new TimeRangeRequest { Service = TimeRangeService.Logs, StartTime = start, EndTime = end, Since = since, ResourceSpan = span, Follow = follow }, Now);

        private static string Invalid(Func<ResolvedTimeRange> resolve)
        {
            var ex = Assert.Throws<MonitoringException>(() => resolve());
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            return ex.ErrorId;
        }

        [Fact]
        public void SinceEndsNow()
        {
            var r = Metrics(since: TimeSpan.FromHours(2));
            Assert.Equal(Now.AddHours(-2), r.Start);
            Assert.Equal(Now, r.End);
            Assert.Empty(r.Clips);
        }

        [Fact]
        public void NothingGivenMeansTheLastThreeHoursForMetricsAndLogsAlike()
        {
            var m = Metrics();
            Assert.Equal(Now.AddHours(-3), m.Start);
            Assert.Equal(Now, m.End);
            var l = Logs();
            Assert.Equal(Now.AddHours(-3), l.Start);
            Assert.Null(l.End); // up to the newest event
        }

        [Fact]
        public void AFinishedJobDefaultsToItsLifetimePlusGrace()
        {
            var span = new ResourceTimeSpan(Now.AddHours(-5), Now.AddHours(-4), "j");
            foreach (var r in new[] { Metrics(span: span), Logs(span: span) })
            {
                Assert.Equal(Now.AddHours(-5), r.Start);
                Assert.Equal(Now.AddHours(-4) + TimeRangeResolver.JobEndGrace, r.End);
                Assert.Contains("lifetime of j", r.Reason);
            }
        }

        [Fact]
        public void ARunningJobReadsToNowForMetricsAndToTheNewestEventForLogs()
        {
            var span = new ResourceTimeSpan(Now.AddHours(-2), null, "j");
            Assert.Equal(Now, Metrics(span: span).End);
            Assert.Null(Logs(span: span).End);
            Assert.Equal(Now.AddHours(-2), Logs(span: span).Start);
        }

        [Fact]
        public void FollowLeavesTheEndOpenEvenForAFinishedJob()
        {
            var r = Logs(span: new ResourceTimeSpan(Now.AddHours(-5), Now.AddHours(-4), "j"), follow: true);
            Assert.Null(r.End);
            Assert.Equal(Now.AddHours(-5), r.Start);
        }

        [Fact]
        public void SinceWinsOverTheJobLifetime()
        {
            var r = Logs(since: TimeSpan.FromMinutes(30), span: new ResourceTimeSpan(Now.AddHours(-5), Now.AddHours(-4), "j"));
            Assert.Equal(Now.AddMinutes(-30), r.Start);
            Assert.Null(r.End);
        }

        [Fact]
        public void AnExplicitEndWithAJobStartsAtTheJobsCreation()
        {
            var r = Logs(end: Now.AddHours(-4.5), span: new ResourceTimeSpan(Now.AddHours(-5), Now.AddHours(-4), "j"));
            Assert.Equal(Now.AddHours(-5), r.Start);
            Assert.Equal(Now.AddHours(-4.5), r.End);
        }

        [Fact]
        public void SinceCountsBackFromAnExplicitEnd()
        {
            var r = Logs(end: Now.AddHours(-1), since: TimeSpan.FromMinutes(10));
            Assert.Equal(Now.AddMinutes(-70), r.Start);
            Assert.Equal(Now.AddHours(-1), r.End);
        }

        [Fact]
        public void AnExplicitRangeIsKept()
        {
            var r = Metrics(Now.AddDays(-1), Now.AddHours(-20));
            Assert.Equal(Now.AddDays(-1), r.Start);
            Assert.Equal(Now.AddHours(-20), r.End);
            Assert.Equal("as given", r.Reason);
        }

        [Fact]
        public void LocalTimesBecomeUtc()
        {
            var local = new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Local);
            var r = Metrics(start: local);
            Assert.Equal(DateTimeKind.Utc, r.Start.Kind);
            Assert.Equal(local.ToUniversalTime(), r.Start);
        }

        [Fact]
        public void ConflictsAndInvertedRangesAreInvalidTimeRange()
        {
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(Now, Now.AddHours(-1))));
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(Now.AddHours(-1), Now.AddHours(-1)))); // start == end
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(start: Now.AddHours(-1), since: TimeSpan.FromHours(1))));
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(since: TimeSpan.Zero)));
            Assert.Equal("InvalidTimeRange", Invalid(() => Logs(end: Now, follow: true)));
        }

        [Fact]
        public void MaxValueEndIsClippedToNowPlusTheSkewAllowanceWithAWarning()
        {
            var r = Metrics(end: DateTime.MaxValue);
            Assert.Equal(Now + TimeRangeResolver.ClockSkewAllowance, r.End);
            Assert.Equal(Now + TimeRangeResolver.ClockSkewAllowance - TimeRangeResolver.DefaultLookBack, r.Start);
            var clip = Assert.Single(r.Clips);
            Assert.Contains("-EndTime", clip);
            Assert.Contains("2026-11-28T10:05:00Z", clip);
        }

        [Fact]
        public void AHundredYearsAheadIsClippedToo()
        {
            var r = Metrics(Now.AddHours(-1), Now.AddYears(100));
            Assert.Equal(Now.AddHours(-1), r.Start);
            Assert.Equal(Now.AddMinutes(5), r.End);
            Assert.Single(r.Clips);
        }

        [Fact]
        public void MinValueStartIsClippedToMetricRetention()
        {
            var r = Metrics(start: DateTime.MinValue);
            Assert.Equal(Now - TimeRangeResolver.MetricRetention, r.Start);
            Assert.Equal(Now, r.End);
            var clip = Assert.Single(r.Clips);
            Assert.Contains("455 days", clip);
        }

        [Fact]
        public void MinValueStartForLogsIsClippedToTheUnixEpoch()
        {
            var r = Logs(start: DateTime.MinValue);
            Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), r.Start);
            Assert.Single(r.Clips);
        }

        [Fact]
        public void AnOldLogStartIsKeptBecauseRetentionIsTheGroups()
        {
            var r = Logs(start: Now.AddYears(-5));
            Assert.Equal(Now.AddYears(-5), r.Start);
            Assert.Empty(r.Clips);
        }

        [Fact]
        public void AHugeSinceDoesNotOverflowAndIsClipped()
        {
            var r = Metrics(since: TimeSpan.MaxValue);
            Assert.Equal(Now - TimeRangeResolver.MetricRetention, r.Start);
            Assert.Contains("-Since", Assert.Single(r.Clips));
            var l = Logs(end: DateTime.MaxValue, since: TimeSpan.FromDays(10_000_000));
            Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), l.Start);
            Assert.Equal(Now + TimeRangeResolver.LogFutureAllowance, l.End);
            Assert.Equal(2, l.Clips.Count);
        }

        [Fact]
        public void MinValueEndIsInvalidTimeRange()
        {
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(end: DateTime.MinValue)));
            Assert.Equal("InvalidTimeRange", Invalid(() => Logs(end: DateTime.MinValue)));
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(DateTime.MinValue, DateTime.MinValue.AddDays(1))));
        }

        [Fact]
        public void AStartInTheFutureIsInvalidTimeRange()
        {
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(start: Now.AddDays(1))));
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(DateTime.MaxValue.AddDays(-1), DateTime.MaxValue)));
        }

        [Fact]
        public void AnEndPastRetentionIsInvalidButAStartPastRetentionIsClipped()
        {
            Assert.Equal("InvalidTimeRange", Invalid(() => Metrics(Now.AddDays(-600), Now.AddDays(-500))));
            var r = Metrics(Now.AddDays(-600), Now.AddDays(-400));
            Assert.Equal(Now.AddDays(-455), r.Start);
            Assert.Equal(Now.AddDays(-400), r.End);
        }

        [Fact]
        public void AJobThatEndedTheInstantItBeganStillGetsAMinute()
        {
            var r = Metrics(span: new ResourceTimeSpan(Now.AddHours(-1), Now.AddHours(-1).AddMinutes(-10), "j"));
            Assert.True(r.End > r.Start);
        }

        [Fact]
        public void DescribeSpellsDurationsTheWayMessagesUseThem()
        {
            Assert.Equal("3 h", TimeRangeResolver.Describe(TimeSpan.FromHours(3)));
            Assert.Equal("3 h 05 min", TimeRangeResolver.Describe(new TimeSpan(3, 5, 0)));
            Assert.Equal("30 min", TimeRangeResolver.Describe(TimeSpan.FromMinutes(30)));
            Assert.Equal("455 d", TimeRangeResolver.Describe(TimeSpan.FromDays(455)));
        }
    }
}
