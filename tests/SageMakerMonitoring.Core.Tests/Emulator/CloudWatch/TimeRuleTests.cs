using System;
using System.Linq;
using SageMakerMonitoring.Emulator.Services.CloudWatch;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>Retention ladder, StartTime age rules and StartTime rounding against the emulator clock.</summary>
    public class TimeRuleTests
    {
        private const string Ns = "Custom/Time";
        private static readonly (string, string)[] None = Array.Empty<(string, string)>();
        private const long Hour = 3600, Day = 86400;

        [Theory]
        [InlineData(1, 3 * Hour)]
        [InlineData(30, 3 * Hour)]
        [InlineData(60, 15 * Day)]
        [InlineData(120, 15 * Day)]
        [InlineData(300, 63 * Day)]
        [InlineData(900, 63 * Day)]
        [InlineData(3600, 455 * Day)]
        [InlineData(86400, 455 * Day)]
        public void RetentionDependsOnThePeriod(long period, long retention) => Assert.Equal(retention, QueryWindow.Retention(period));

        [Theory]
        [InlineData(2 * Hour, 1, false)]
        [InlineData(3 * Hour, 1, false)]
        [InlineData(3 * Hour + 1, 1, true)]
        [InlineData(3 * Hour + 1, 60, false)]
        [InlineData(14 * Day, 60, false)]
        [InlineData(16 * Day, 60, true)]
        [InlineData(16 * Day, 300, false)]
        [InlineData(62 * Day, 300, false)]
        [InlineData(64 * Day, 300, true)]
        [InlineData(64 * Day, 3600, false)]
        [InlineData(400 * Day, 3600, false)]
        public void StartTimeAgeRulesDecideWhetherAnythingIsVisible(long age, long period, bool empty)
        {
            const double now = 1_800_000_000;
            var window = QueryWindow.Resolve(now - age, now, period, now);
            Assert.Equal(empty, window.IsEmpty);
        }

        [Theory]
        [InlineData(1 * Hour + 37, 1, 1 * Hour + 37)]
        [InlineData(1 * Hour + 37, 10, 1 * Hour + 40)]
        [InlineData(1 * Hour + 37, 30, 1 * Hour + 60)]
        [InlineData(1 * Hour + 37, 60, 1 * Hour + 60)]
        [InlineData(5 * Day + 37, 60, 5 * Day + 60)]
        [InlineData(20 * Day + 37, 300, 20 * Day + 300)]
        [InlineData(70 * Day + 37, 3600, 70 * Day + 3600)]
        public void StartTimeIsRoundedDownByAgeOrPeriod(long age, long period, long roundedAge)
        {
            const long now = 1_800_000_000; // a multiple of 3600
            Assert.Equal(0, now % 3600);
            var window = QueryWindow.Resolve(now - age, now, period, now);
            Assert.Equal(now - roundedAge, window.RoundedStart);
        }

        [Fact]
        public void EndTimeFractionsStillIncludeTheLastWholeSecond()
        {
            var window = QueryWindow.Resolve(1000, 1010.5, 1, 1010);
            Assert.Equal(1011, window.End);
        }

        [Fact]
        public void SubMinutePeriodsNeedAStartWithinThreeHours()
        {
            var bench = new CloudWatchBench();
            var now = bench.Now;
            bench.Put(Ns, "Hi", None, Enumerable.Range(0, 600).Select(i => (now - 2 * Hour + i, 1.0)), resolution: 1);

            Assert.Equal(600, bench.Statistics(Ns, "Hi", None, now - 2 * Hour - 60, now - 2 * Hour + 1200, 1, "[\"Sum\"]").Count);
            // A StartTime older than 3 h with a 1-second period returns nothing and no error.
            Assert.Empty(bench.Statistics(Ns, "Hi", None, now - 3 * Hour - 60, now - 3 * Hour + 1380, 1, "[\"Sum\"]"));
            // The same range at one minute sees the data.
            var minutes = bench.Statistics(Ns, "Hi", None, now - 3 * Hour - 60, now - 3 * Hour + 1380 + 3600, 60, "[\"SampleCount\"]");
            Assert.Equal(600, minutes.Sum(p => p!["SampleCount"]!.GetValue<double>()));
        }

        [Fact]
        public void HighResolutionDataOlderThanThreeHoursIsOnlyReadableAtMinutePeriods()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            bench.Put(Ns, "Hi", None, Enumerable.Range(0, 60).Select(i => (t + i, (double)i)), resolution: 1);
            Assert.Equal(60, bench.Statistics(Ns, "Hi", None, t, t + 60, 1, "[\"Sum\"]").Count);
            bench.Advance(TimeSpan.FromHours(4));
            Assert.Empty(bench.Statistics(Ns, "Hi", None, t, t + 60, 1, "[\"Sum\"]"));
            var minute = bench.Statistics(Ns, "Hi", None, t, t + 60, 60, "[\"SampleCount\",\"Maximum\"]").Single()!;
            Assert.Equal(60, minute["SampleCount"]!.GetValue<double>());
            Assert.Equal(59, minute["Maximum"]!.GetValue<double>());
        }

        [Fact]
        public void OlderDataNeedsCoarserPeriodsAsItAges()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 3600;
            bench.Put(Ns, "Old", None, new[] { (t, 5.0) });

            bench.Advance(TimeSpan.FromDays(20));
            Assert.Empty(bench.Statistics(Ns, "Old", None, t - 3600, t + 3600, 60, "[\"Sum\"]"));
            Assert.Equal(5.0, bench.Statistics(Ns, "Old", None, t - 3600, t + 3600, 300, "[\"Sum\"]").Single()!["Sum"]!.GetValue<double>());

            bench.Advance(TimeSpan.FromDays(50));
            Assert.Empty(bench.Statistics(Ns, "Old", None, t - 3600, t + 3600, 300, "[\"Sum\"]"));
            Assert.Equal(5.0, bench.Statistics(Ns, "Old", None, t - 3600, t + 3600, 3600, "[\"Sum\"]").Single()!["Sum"]!.GetValue<double>());

            bench.Advance(TimeSpan.FromDays(400));
            Assert.Empty(bench.Statistics(Ns, "Old", None, t - 3600, t + 3600, 3600, "[\"Sum\"]"));
        }

        [Fact]
        public void RetentionHidesPointsOlderThanThePeriodKeeps()
        {
            var bench = new CloudWatchBench();
            var first = bench.Now - 60;
            bench.Put(Ns, "Ret", None, new[] { (first, 1.0) });
            bench.Advance(TimeSpan.FromDays(100));
            var second = bench.Now - 60;
            bench.Put(Ns, "Ret", None, new[] { (second, 2.0) });
            bench.Advance(TimeSpan.FromDays(400));

            // StartTime 500 days back is allowed at one hour, but the first point (500 days old) is past 455 days.
            var points = bench.Statistics(Ns, "Ret", None, first - 3600, bench.Now, 86400 * 10, "[\"Sum\"]");
            Assert.Equal(2.0, points.Single()!["Sum"]!.GetValue<double>());
        }

        [Fact]
        public void StartTimeRoundingPullsInEarlierPointsOfTheMinute()
        {
            var bench = new CloudWatchBench();
            var minute = bench.Now - 1800;
            bench.Put(Ns, "R", None, new[] { (minute + 12, 1.0), (minute + 40, 2.0) }, resolution: 1);
            // StartTime at :30 rounds down to the minute for a 60 s period: both points count.
            Assert.Equal(3.0, bench.Statistics(Ns, "R", None, minute + 30, minute + 60, 60, "[\"Sum\"]").Single()!["Sum"]!.GetValue<double>());
            // With a 10 s period it rounds to :30 only.
            Assert.Equal(2.0, bench.Statistics(Ns, "R", None, minute + 35, minute + 60, 10, "[\"Sum\"]").Single()!["Sum"]!.GetValue<double>());
        }
    }
}
