using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// A whole series (Get-SageMakerMetric -AsSeries): index-aligned ascending Timestamps and Values. Both are lists
    /// (JSON arrays) whose text is their items joined with <c>;</c>, so Export-Csv writes the numbers, not a type name;
    /// the arrays themselves stay internal.
    /// </summary>
    public sealed class MetricSeries
    {
        public MetricSeries(MetricSeriesDescriptor series, DateTime[] timestamps, double[] values)
        {
            if (timestamps.Length != values.Length) throw new ArgumentException("Timestamps and values must have the same length.");
            Descriptor = series;
            TimestampArray = timestamps;
            ValueArray = values;
            Timestamps = new UtcTimestampList(timestamps);
            Values = new TextList<double>(values);
        }

        /// <summary>The resource type's name (TrainingJob, Endpoint, ...).</summary>
        public string ResourceType => Descriptor.Metric.ResourceType;
        public string ResourceName => Descriptor.ResourceName;
        public string? Region => Descriptor.Metric.Scope?.Region;
        public string? Account => Descriptor.Metric.Scope?.Account;
        public string? Host => Descriptor.Host;
        public string? VariantName => Descriptor.VariantName;
        public string MetricName => Descriptor.MetricName;
        public string Statistic => Descriptor.Statistic;
        public string? Unit => Descriptor.Unit;
        public int Period => Descriptor.Period;
        public string Namespace => Descriptor.Namespace;
        public IReadOnlyDictionary<string, string> Dimensions => Descriptor.Dimensions;
        /// <summary>Ascending, at UTC (+00:00).</summary>
        public IReadOnlyList<DateTimeOffset> Timestamps { get; }
        public IReadOnlyList<double> Values { get; }
        public int Count => ValueArray.Length;

        /// <summary>The timestamps as the core holds them (DateTimeKind.Utc).</summary>
        internal DateTime[] TimestampArray { get; }
        internal double[] ValueArray { get; }

        internal MetricSeriesDescriptor Descriptor { get; }
    }
}
