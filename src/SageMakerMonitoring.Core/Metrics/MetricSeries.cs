using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>A whole series (Get-SageMakerMetric -AsSeries): index-aligned ascending Timestamps and Values.</summary>
    public sealed class MetricSeries
    {
        public MetricSeries(MetricSeriesDescriptor series, DateTime[] timestamps, double[] values)
        {
            if (timestamps.Length != values.Length) throw new ArgumentException("Timestamps and values must have the same length.");
            Descriptor = series;
            Timestamps = timestamps;
            Values = values;
        }

        public SageMakerResourceType ResourceType => Descriptor.ResourceType;
        public string ResourceName => Descriptor.ResourceName;
        public string? Host => Descriptor.Host;
        public string? VariantName => Descriptor.VariantName;
        public string MetricName => Descriptor.MetricName;
        public string Statistic => Descriptor.Statistic;
        public string? Unit => Descriptor.Unit;
        public int Period => Descriptor.Period;
        public string Namespace => Descriptor.Namespace;
        public IReadOnlyDictionary<string, string> Dimensions => Descriptor.Dimensions;
        /// <summary>UTC, ascending.</summary>
        public DateTime[] Timestamps { get; }
        public double[] Values { get; }
        public int Count => Values.Length;

        internal MetricSeriesDescriptor Descriptor { get; }
    }
}
