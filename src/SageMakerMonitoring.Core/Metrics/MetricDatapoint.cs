using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// One CloudWatch datapoint of a SageMaker resource. Cheap by design: a timestamp, a value and a reference to the
    /// series it belongs to (which carries names, dimensions, statistic and period).
    /// </summary>
    public sealed class MetricDatapoint
    {
        private readonly MetricSeriesDescriptor _series;

        public MetricDatapoint(MetricSeriesDescriptor series, DateTime timestamp, double value)
        {
            _series = series;
            Timestamp = timestamp;
            Value = value;
        }

        /// <summary>Start of the period the value covers, UTC.</summary>
        public DateTime Timestamp { get; }
        public SageMakerResourceType ResourceType => _series.ResourceType;
        public string ResourceName => _series.ResourceName;
        /// <summary>For jobs the host (algo-2, or a transform instance id); for endpoints the instance or container when the metric has one.</summary>
        public string? Host => _series.Host;
        public string? VariantName => _series.VariantName;
        public string MetricName => _series.MetricName;
        public string Statistic => _series.Statistic;
        public double Value { get; }
        public string? Unit => _series.Unit;
        /// <summary>The device the value describes (gpu0, cpu3, …) for Debugger data; null for CloudWatch's per-host values.</summary>
        public string? Device => _series.Device;
        /// <summary>Seconds the value covers (0.5 for Debugger's default 500 ms interval).</summary>
        public double Period => _series.IntervalMilliseconds is int ms ? ms / 1000.0 : _series.Period;
        public string Namespace => _series.Namespace;
        public IReadOnlyDictionary<string, string> Dimensions => _series.Dimensions;

        internal MetricSeriesDescriptor Series => _series;

        public override string ToString() => $"{Timestamp:yyyy-MM-ddTHH:mm:ssZ} {ResourceName} {Host ?? VariantName}{(Device is null ? "" : "/" + Device)} {MetricName} {Statistic} {Value}";
    }
}
