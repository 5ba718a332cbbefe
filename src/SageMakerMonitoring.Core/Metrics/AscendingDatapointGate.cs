using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>Lets a point through only when it is later than the last one let through for its series, so a re-read
    /// window, a retried page or a repeated NextToken never writes a point twice and every series stays ascending.</summary>
    public sealed class AscendingDatapointGate
    {
        private readonly Dictionary<MetricSeriesDescriptor, DateTime> _last = new Dictionary<MetricSeriesDescriptor, DateTime>();
        private MetricSeriesDescriptor? _cachedSeries;
        private DateTime _cachedLast;

        public bool Accept(MetricSeriesDescriptor series, DateTime timestamp)
        {
            if (!ReferenceEquals(series, _cachedSeries))
            {
                if (_cachedSeries != null) _last[_cachedSeries] = _cachedLast;
                _cachedSeries = series;
                _cachedLast = _last.TryGetValue(series, out var last) ? last : DateTime.MinValue;
            }
            if (timestamp <= _cachedLast) return false;
            _cachedLast = timestamp;
            return true;
        }
    }
}
