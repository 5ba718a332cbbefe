using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// Cuts an export into commits. From <c>now</c> it derives where each rung of CloudWatch's retention ladder begins
    /// (1-second data for the last 3 hours, 1-minute for 15 days, 5-minute for 63 days, 1-hour for 455 days; each with a
    /// safety margin, aligned to the coarser period), reads every span at the finest period still kept, and windows it
    /// by hour at 1 second and by UTC day otherwise. A series that had been exported before and now gets a coarser
    /// period than its own resolution has a gap there.
    /// </summary>
    public static class ArchiveWindowPlanner
    {
        /// <summary>How far inside a retention boundary a read starts, so the data is still there when the request arrives.</summary>
        public static readonly TimeSpan RetentionMargin = TimeSpan.FromMinutes(5);

        public static ArchivePlan Plan(IReadOnlyList<ArchivePlanSeries> series, DateTime now, DateTime end)
        {
            now = UtcTime.ToUtc(now);
            end = UtcTime.ToUtc(end);
            var tiers = Tiers(now);
            var windows = new List<ArchiveWindow>();
            var lost = new List<(int, DateTime, DateTime)>();
            if (series.Count == 0) return new ArchivePlan(windows, lost, tiers[tiers.Length - 1].Start);

            var oldest = tiers[0].Start;
            var starts = new DateTime[series.Count];
            var globalStart = DateTime.MaxValue;
            for (var i = 0; i < series.Count; i++)
            {
                var s = UtcTime.ToUtc(series[i].Start);
                if (s < oldest && s < end)
                {
                    lost.Add((i, s, oldest < end ? oldest : end));
                    s = oldest;
                }
                starts[i] = s;
                if (s < globalStart) globalStart = s;
            }

            for (var t = 0; t < tiers.Length; t++)
            {
                var period = tiers[t].Period;
                var segmentStart = Max(tiers[t].Start, globalStart);
                var segmentEnd = t + 1 < tiers.Length ? Min(tiers[t + 1].Start, end) : end;
                var step = period == 1 ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
                for (var w = segmentStart; w < segmentEnd;)
                {
                    var wEnd = Min(UtcTime.Floor(w, step) + step, segmentEnd);
                    var members = new List<ArchiveWindowMember>();
                    for (var i = 0; i < series.Count; i++)
                    {
                        var begin = Max(w, starts[i]);
                        var from = Ceiling(begin, period);
                        if (from >= wEnd) continue;
                        DateTime? gapFrom = null;
                        var s = series[i];
                        if (s.ExportedBefore && period > s.Resolution)
                        {
                            var g = s.BackfillUntil is DateTime b ? Max(begin, b) : begin;
                            if (g < wEnd) gapFrom = g;
                        }
                        members.Add(new ArchiveWindowMember(i, from, gapFrom));
                    }
                    if (members.Count > 0) windows.Add(new ArchiveWindow(w, wEnd, period, members));
                    w = wEnd;
                }
            }
            return new ArchivePlan(windows, lost, tiers[tiers.Length - 1].Start);
        }

        /// <summary>Where each rung begins at <paramref name="now"/>, oldest first.</summary>
        internal static (DateTime Start, int Period)[] Tiers(DateTime now)
        {
            var ladder = RetentionLadder.Tiers;
            var result = new (DateTime, int)[ladder.Count];
            for (var i = 0; i < ladder.Count; i++)
            {
                var tier = ladder[ladder.Count - 1 - i];
                var coarser = i == 0 ? tier.FinestPeriodSeconds : ladder[ladder.Count - i].FinestPeriodSeconds;
                result[i] = (Ceiling(now - tier.RetainedFor + RetentionMargin, Math.Max(coarser, 60)), tier.FinestPeriodSeconds);
            }
            return result;
        }

        internal static DateTime Ceiling(DateTime t, int seconds)
        {
            var floor = UtcTime.Floor(t, TimeSpan.FromSeconds(seconds));
            return floor == t ? t : floor.AddSeconds(seconds);
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    }
}
