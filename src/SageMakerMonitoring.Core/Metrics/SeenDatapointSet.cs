using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>The (series, timestamp) pairs already written while watching, for as long as they can come back in
    /// an overlapping read; older ones are forgotten.</summary>
    public sealed class SeenDatapointSet
    {
        private readonly Dictionary<MetricSeriesDescriptor, HashSet<long>> _seen = new Dictionary<MetricSeriesDescriptor, HashSet<long>>();

        /// <summary>True (and remembered) when the pair was not seen before.</summary>
        public bool Add(MetricSeriesDescriptor series, DateTime timestamp)
        {
            if (!_seen.TryGetValue(series, out var set))
            {
                set = new HashSet<long>();
                _seen[series] = set;
            }
            return set.Add(timestamp.Ticks);
        }

        public bool Contains(MetricSeriesDescriptor series, DateTime timestamp) => _seen.TryGetValue(series, out var set) && set.Contains(timestamp.Ticks);

        /// <summary>Forgets everything before <paramref name="cutoff"/>: reads never reach back that far again.</summary>
        public void ForgetBefore(DateTime cutoff)
        {
            var ticks = cutoff.Ticks;
            foreach (var set in _seen.Values) set.RemoveWhere(t => t < ticks);
        }

        public int Count
        {
            get
            {
                var n = 0;
                foreach (var set in _seen.Values) n += set.Count;
                return n;
            }
        }
    }
}
