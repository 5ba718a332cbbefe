using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Metrics.Publishing
{
    /// <summary>One value to publish with PutMetricData: where it goes (namespace, metric, dimensions), when, and what.</summary>
    public sealed class MetricWriteDatum
    {
        public MetricWriteDatum(string metricNamespace, string metricName, IReadOnlyList<MetricDimension> dimensions, DateTime timestamp,
            double value, string? unit = null, int storageResolution = 60, double count = 1)
        {
            Namespace = metricNamespace ?? "";
            MetricName = metricName ?? "";
            Dimensions = dimensions ?? Array.Empty<MetricDimension>();
            Timestamp = timestamp;
            Value = value;
            Unit = string.IsNullOrEmpty(unit) ? null : unit;
            StorageResolution = storageResolution;
            Count = count;
        }

        public string Namespace { get; }
        public string MetricName { get; }
        public IReadOnlyList<MetricDimension> Dimensions { get; }
        /// <summary>UTC (a local or unspecified time is taken as UTC by the caller's conversion).</summary>
        public DateTime Timestamp { get; }
        public double Value { get; }
        public string? Unit { get; }
        /// <summary>1 (high resolution) or 60 (standard).</summary>
        public int StorageResolution { get; }
        /// <summary>How many times the value occurred (PutMetricData's Counts); 1 for a single observation.</summary>
        public double Count { get; }

        /// <summary>"GPUUtilization{Host=j/algo-1} 2026-12-07T10:00:00Z = 41" — how errors name the datum.</summary>
        public override string ToString()
        {
            var dims = new List<string>(Dimensions.Count);
            foreach (var d in Dimensions) dims.Add(d.Name + "=" + d.Value);
            return Namespace + " " + MetricName + "{" + string.Join(",", dims) + "} "
                + Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.FFFZ", System.Globalization.CultureInfo.InvariantCulture)
                + " = " + Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
