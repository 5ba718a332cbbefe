using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// Packs series into the fewest GetMetricData calls the service allows: at most 500 queries and 100,800 datapoints
    /// per call. All queries of a call share one time window, so series are planned as groups (same period and
    /// density) × time windows; a series with more points than one call can return is split across windows in time.
    /// </summary>
    public static class MetricQueryPlanner
    {
        public const int MaxQueriesPerCall = 500;
        public const int MaxDatapointsPerCall = 100_800;

        /// <summary>
        /// Plans reading <paramref name="series"/> over [<paramref name="start"/>, <paramref name="end"/>).
        /// <paramref name="densitySeconds"/> gives the seconds between a series' points when it is coarser than its
        /// query period (a standard-resolution metric read at 1 s has a point per 60 s); default: the query period.
        /// Calls come in an order in which every series' windows ascend.
        /// </summary>
        public static MetricQueryPlan Plan(IReadOnlyList<MetricSeriesDescriptor> series, DateTime start, DateTime end,
            Func<MetricSeriesDescriptor, int>? densitySeconds = null, int maxQueriesPerCall = MaxQueriesPerCall, int maxDatapointsPerCall = MaxDatapointsPerCall)
        {
            if (maxQueriesPerCall < 1 || maxDatapointsPerCall < 1) throw new ArgumentOutOfRangeException(nameof(maxQueriesPerCall));
            start = UtcTime.ToUtc(start);
            end = UtcTime.ToUtc(end);
            var calls = new List<MetricDataCall>();
            if (series.Count == 0 || end <= start) return new MetricQueryPlan(calls, 0);

            var groups = series
                .GroupBy(s => (s.QueryPeriod, Step: Math.Max(s.QueryPeriod, densitySeconds?.Invoke(s) ?? s.QueryPeriod)))
                .OrderBy(g => g.Key.Step).ThenBy(g => g.Key.QueryPeriod);
            double area = 0;
            foreach (var group in groups)
            {
                var step = group.Key.Step;
                var members = group.ToList();
                var alignedStart = UtcTime.Floor(start, TimeSpan.FromSeconds(step));
                var steps = (long)Math.Ceiling((end - alignedStart).TotalSeconds / step);
                area += (double)steps * members.Count;
                PlanGroup(members, alignedStart, end, step, steps, maxQueriesPerCall, maxDatapointsPerCall, calls);
            }

            var lowerBound = Math.Max((long)Math.Ceiling(series.Count / (double)maxQueriesPerCall), (long)Math.Ceiling(area / maxDatapointsPerCall));
            return new MetricQueryPlan(calls, lowerBound);
        }

        /// <summary>The fewest calls the limits allow for <paramref name="seriesCount"/> series of <paramref name="pointsPerSeries"/> points each.</summary>
        public static long LowerBound(long seriesCount, long pointsPerSeries, int maxQueriesPerCall = MaxQueriesPerCall, int maxDatapointsPerCall = MaxDatapointsPerCall) =>
            Math.Max((long)Math.Ceiling(seriesCount / (double)maxQueriesPerCall), (long)Math.Ceiling(seriesCount * (double)pointsPerSeries / maxDatapointsPerCall));

        /// <summary>How many calls <see cref="Plan"/> makes for a uniform group, and the shape it picks.</summary>
        internal static GroupShape ChooseShape(long seriesCount, long steps, int maxQueries, int maxPoints)
        {
            GroupShape? best = null;
            var minGroups = (long)Math.Ceiling(seriesCount / (double)maxQueries);
            for (var groups = minGroups; groups <= seriesCount; groups++)
            {
                var size = (long)Math.Ceiling(seriesCount / (double)groups);
                if (groups > minGroups && (long)Math.Ceiling(seriesCount / (double)(groups - 1)) == size) continue; // same size as before
                var width = Math.Min(steps, maxPoints / size);
                if (width < 1) continue;
                var fullWindows = steps / width;
                var rest = steps - fullWindows * width;
                long restGroups = 0;
                if (rest > 0)
                {
                    var restSize = Math.Min(maxQueries, maxPoints / rest);
                    restGroups = (long)Math.Ceiling(seriesCount / (double)restSize);
                }
                var cost = groups * fullWindows + restGroups;
                if (best is null || cost < best.Value.Calls) best = new GroupShape(groups, width, fullWindows, rest, restGroups, cost);
                if (size == 1) break;
            }
            return best ?? throw new InvalidOperationException("No plan fits the per-call limits.");
        }

        private static void PlanGroup(List<MetricSeriesDescriptor> members, DateTime alignedStart, DateTime end, int step, long steps,
            int maxQueries, int maxPoints, List<MetricDataCall> calls)
        {
            var shape = ChooseShape(members.Count, steps, maxQueries, maxPoints);
            var stepSpan = TimeSpan.FromSeconds(step);
            for (long w = 0; w < shape.FullWindows; w++)
            {
                var windowStart = alignedStart + TimeSpan.FromTicks(stepSpan.Ticks * shape.Width * w);
                var windowEnd = Min(end, windowStart + TimeSpan.FromTicks(stepSpan.Ticks * shape.Width));
                AddCalls(members, shape.Groups, windowStart, windowEnd, step, calls);
            }
            if (shape.Rest > 0)
            {
                var windowStart = alignedStart + TimeSpan.FromTicks(stepSpan.Ticks * shape.Width * shape.FullWindows);
                AddCalls(members, shape.RestGroups, windowStart, end, step, calls);
            }
        }

        private static void AddCalls(List<MetricSeriesDescriptor> members, long groups, DateTime windowStart, DateTime windowEnd, int step, List<MetricDataCall> calls)
        {
            var pointsPerSeries = (long)Math.Ceiling((windowEnd - windowStart).TotalSeconds / step);
            var offset = 0;
            for (long g = 0; g < groups; g++)
            {
                // Balanced groups: the first (count % groups) get one more.
                var size = (int)(members.Count / groups + (g < members.Count % groups ? 1 : 0));
                if (size == 0) continue;
                calls.Add(new MetricDataCall(windowStart, windowEnd, members.GetRange(offset, size), pointsPerSeries * size));
                offset += size;
            }
        }

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        internal readonly struct GroupShape
        {
            public GroupShape(long groups, long width, long fullWindows, long rest, long restGroups, long calls)
            {
                Groups = groups;
                Width = width;
                FullWindows = fullWindows;
                Rest = rest;
                RestGroups = restGroups;
                Calls = calls;
            }

            public long Groups { get; }
            public long Width { get; }
            public long FullWindows { get; }
            public long Rest { get; }
            public long RestGroups { get; }
            public long Calls { get; }
        }
    }
}
