using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// Learns whether a series read at a sub-minute period is high-resolution (points closer than a minute) or
    /// standard (a point per minute) from the timestamps CloudWatch returns, since no API says so. A standard series
    /// then reports Period 60 and is planned at a point per minute.
    /// </summary>
    public sealed class StorageResolutionDetector
    {
        private readonly Dictionary<MetricSeriesDescriptor, int> _resolution = new Dictionary<MetricSeriesDescriptor, int>();

        /// <summary>Looks at one result's timestamps (any order).</summary>
        public void Observe(MetricSeriesDescriptor series, DateTime[] timestamps)
        {
            if (series.QueryPeriod >= 60 || timestamps.Length < 2) return;
            if (_resolution.TryGetValue(series, out var known) && known == 1) return;
            var minGap = TimeSpan.MaxValue;
            for (var i = 1; i < timestamps.Length; i++)
            {
                var gap = timestamps[i] - timestamps[i - 1];
                if (gap < TimeSpan.Zero) gap = gap.Negate();
                if (gap > TimeSpan.Zero && gap < minGap) minGap = gap;
            }
            if (minGap == TimeSpan.MaxValue) return;
            var resolution = minGap < TimeSpan.FromSeconds(60) ? 1 : 60;
            _resolution[series] = resolution;
            series.Period = resolution == 60 ? Math.Max(series.QueryPeriod, 60) : series.QueryPeriod;
        }

        /// <summary>
        /// CloudWatch refused a sub-minute period for <paramref name="series"/> because it is stored at standard
        /// resolution: read it (and every series of the same metric, which the same publisher writes) at a minute.
        /// </summary>
        public void MarkStandard(MetricSeriesDescriptor series, IEnumerable<MetricSeriesDescriptor> all)
        {
            foreach (var s in all)
            {
                if (s.QueryPeriod >= 60 || s.Namespace != series.Namespace || s.MetricName != series.MetricName) continue;
                _resolution[s] = 60;
                s.QueryPeriod = 60;
                s.Period = Math.Max(s.Period, 60);
            }
            if (series.QueryPeriod < 60)
            {
                _resolution[series] = 60;
                series.QueryPeriod = 60;
                series.Period = Math.Max(series.Period, 60);
            }
        }

        /// <summary>Seconds between points to plan with: what was learned, else <paramref name="unknown"/>.</summary>
        public int DensityOf(MetricSeriesDescriptor series, int unknown) =>
            _resolution.TryGetValue(series, out var r) ? Math.Max(series.QueryPeriod, r) : unknown;

        public bool Knows(MetricSeriesDescriptor series) => _resolution.ContainsKey(series);
    }
}
