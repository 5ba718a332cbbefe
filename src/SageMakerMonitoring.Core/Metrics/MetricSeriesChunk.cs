using System;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// The accepted points of one series from one GetMetricData page, as index-aligned ascending arrays, for readers
    /// that keep whole series (-AsSeries) and need no object per point. When the page already held exactly the
    /// accepted points in ascending order, the arrays are the page's own (no copy).
    /// </summary>
    internal sealed class MetricSeriesChunk
    {
        public MetricSeriesChunk(MetricSeriesDescriptor series, DateTime[] timestamps, double[] values)
        {
            if (timestamps.Length != values.Length) throw new ArgumentException("Timestamps and values must have the same length.");
            Series = series;
            Timestamps = timestamps;
            Values = values;
        }

        public MetricSeriesDescriptor Series { get; }
        public DateTime[] Timestamps { get; }
        public double[] Values { get; }
        public int Count => Values.Length;
    }
}
