using System;
using System.Linq;
using SageMakerMonitoring.Core.Archive;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    public class ArchiveWindowPlannerTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void RecentRangeIsReadAtOneSecondInHourlyWindows()
        {
            var end = Now.AddMinutes(-5);
            var plan = ArchiveWindowPlanner.Plan(new[] { new ArchivePlanSeries(Now.AddHours(-2).AddMinutes(-30), false, 1, null) }, Now, end);

            Assert.All(plan.Windows, w => Assert.Equal(1, w.Period));
            Assert.Equal(new[] { "07:30", "08:00", "09:00" }, plan.Windows.Select(w => w.Start.ToString("HH:mm")).ToArray());
            Assert.Equal(end, plan.Windows[^1].End);
            Assert.Empty(plan.Lost);
            Assert.All(plan.Windows.SelectMany(w => w.Members), m => Assert.Null(m.GapFrom));
        }

        [Fact]
        public void MissedRunsExportTheExpiredSpanAtOneMinuteAndMarkItAsGap()
        {
            var through = Now.AddHours(-5);
            var plan = ArchiveWindowPlanner.Plan(new[] { new ArchivePlanSeries(through, true, 1, null) }, Now, Now.AddMinutes(-5));

            var coarse = plan.Windows.Where(w => w.Period == 60).ToList();
            var fine = plan.Windows.Where(w => w.Period == 1).ToList();
            Assert.Single(coarse);
            Assert.Equal(through, coarse[0].Start);
            // 1-second data begins 3 hours back plus the margin, on a minute.
            Assert.Equal(Now.AddHours(-3).AddMinutes(5), coarse[0].End);
            Assert.Equal(through, coarse[0].Members[0].GapFrom);
            Assert.Equal(coarse[0].End, fine[0].Start);
            Assert.All(fine.SelectMany(w => w.Members), m => Assert.Null(m.GapFrom));
            Assert.Equal(plan.HighResolutionFrom, fine[0].Start);
        }

        [Fact]
        public void StandardResolutionSeriesLoseNothingAtOneMinute()
        {
            var plan = ArchiveWindowPlanner.Plan(new[] { new ArchivePlanSeries(Now.AddHours(-5), true, 60, null) }, Now, Now.AddMinutes(-5));
            Assert.Contains(plan.Windows, w => w.Period == 60);
            Assert.All(plan.Windows.SelectMany(w => w.Members), m => Assert.Null(m.GapFrom));
        }

        [Fact]
        public void FirstLookBackIsABackfillNotAGap()
        {
            var backfillUntil = Now.AddHours(-3).AddMinutes(5);
            var plan = ArchiveWindowPlanner.Plan(new[] { new ArchivePlanSeries(Now.AddHours(-5), true, 1, backfillUntil) }, Now, Now.AddMinutes(-5));
            Assert.All(plan.Windows.SelectMany(w => w.Members), m => Assert.Null(m.GapFrom));
        }

        [Fact]
        public void OldRangesStepDownTheLadderAndWindowsStayWithinOneDay()
        {
            var plan = ArchiveWindowPlanner.Plan(new[] { new ArchivePlanSeries(Now.AddDays(-20), true, 1, null) }, Now, Now.AddMinutes(-5));
            Assert.Equal(new[] { 300, 60, 1 }, plan.Windows.Select(w => w.Period).Distinct().ToArray());
            Assert.All(plan.Windows, w => Assert.True(w.End <= w.Start.Date.AddDays(1)));
            Assert.All(plan.Windows.Where(w => w.Period == 300).SelectMany(w => w.Members), m => Assert.Equal(0, (m.From.Ticks / TimeSpan.TicksPerSecond) % 300));
            // Consecutive windows touch: no hole, no overlap.
            for (var i = 1; i < plan.Windows.Count; i++) Assert.Equal(plan.Windows[i - 1].End, plan.Windows[i].Start);
        }

        [Fact]
        public void DataOlderThanAnyRetentionIsLost()
        {
            var plan = ArchiveWindowPlanner.Plan(new[] { new ArchivePlanSeries(Now.AddDays(-500), true, 1, null) }, Now, Now.AddMinutes(-5));
            var lost = Assert.Single(plan.Lost);
            Assert.Equal(Now.AddDays(-500), lost.Start);
            Assert.Equal(plan.Windows[0].Start, lost.End);
        }

        [Fact]
        public void SeriesJoinWindowsAtTheirOwnStart()
        {
            var plan = ArchiveWindowPlanner.Plan(new[]
            {
                new ArchivePlanSeries(Now.AddMinutes(-150), true, 1, null),
                new ArchivePlanSeries(Now.AddMinutes(-90), true, 1, null),
            }, Now, Now.AddMinutes(-5));
            Assert.Single(plan.Windows[0].Members);
            Assert.Equal(Now.AddMinutes(-120), plan.Windows[1].Start);
            Assert.Equal(2, plan.Windows[1].Members.Count);
            Assert.Equal(Now.AddMinutes(-90), plan.Windows[1].Members.Single(m => m.Series == 1).From);
        }

        [Fact]
        public void NothingToDoWhenEveryoneIsCurrent()
        {
            var end = Now.AddMinutes(-5);
            Assert.Empty(ArchiveWindowPlanner.Plan(new[] { new ArchivePlanSeries(end, true, 1, null) }, Now, end).Windows);
        }
    }
}
