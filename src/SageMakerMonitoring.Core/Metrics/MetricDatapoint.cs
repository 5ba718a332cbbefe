using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// One CloudWatch datapoint of a SageMaker resource. Cheap by design: a timestamp, a value and a reference to the
    /// series it belongs to (which carries names, dimensions, statistic and period). Public members are flat for
    /// Export-Csv and ConvertTo-Json: the time as a DateTimeOffset at UTC, the resource type as its name, the
    /// dimensions as a map whose text is <c>Name=Value;…</c>.
    /// </summary>
    public sealed class MetricDatapoint
    {
        private readonly MetricSeriesDescriptor _series;

        public MetricDatapoint(MetricSeriesDescriptor series, DateTime timestamp, double value)
        {
            _series = series;
            UtcTimestamp = timestamp;
            Value = value;
        }

        /// <summary>Start of the period the value covers, at UTC (+00:00).</summary>
        public DateTimeOffset Timestamp => new DateTimeOffset(UtcTimestamp, TimeSpan.Zero);
        /// <summary>Start of the period the value covers (DateTimeKind.Utc), as the core compares and writes it.</summary>
        internal DateTime UtcTimestamp { get; }
        /// <summary>The resource type's name (TrainingJob, Endpoint, ...).</summary>
        public string ResourceType => _series.Metric.ResourceType;
        public string ResourceName => _series.ResourceName;
        /// <summary>The Region the value was read in (shared with its series).</summary>
        public string? Region => _series.Metric.Scope?.Region;
        /// <summary>The account that owns the resource (shared with its series).</summary>
        public string? Account => _series.Metric.Scope?.Account;
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

        public override string ToString() => $"{UtcTimestamp:yyyy-MM-ddTHH:mm:ssZ} {ResourceName} {Host ?? VariantName}{(Device is null ? "" : "/" + Device)} {MetricName} {Statistic} {Value}";
    }
}
