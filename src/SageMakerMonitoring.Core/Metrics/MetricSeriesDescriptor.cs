using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// One series read from CloudWatch: a metric of a resource with one statistic at one period. Every datapoint of
    /// the series shares this object, so a datapoint costs only its timestamp and value.
    /// </summary>
    public sealed class MetricSeriesDescriptor
    {
        public MetricSeriesDescriptor(MetricInfo metric, string statistic, int period)
        {
            Metric = metric;
            Statistic = statistic;
            Period = period;
            QueryPeriod = period;
        }

        public MetricInfo Metric { get; }
        /// <summary>The device the series describes (gpu0, cpu3) when the source reports per device (Debugger); null otherwise.</summary>
        public string? Device { get; internal set; }
        /// <summary>Sampling interval in milliseconds when the source samples below a second (Debugger); null for CloudWatch periods.</summary>
        public int? IntervalMilliseconds { get; internal set; }
        public string Statistic { get; }
        /// <summary>Seconds each datapoint covers: the period asked for, or the metric's storage resolution when that is coarser.</summary>
        public int Period { get; internal set; }
        /// <summary>The period sent to CloudWatch (raised to 60 when the metric turns out to be stored at standard resolution).</summary>
        public int QueryPeriod { get; internal set; }

        public SageMakerResourceType ResourceType => Metric.ResourceKind;
        public string ResourceName => Metric.ResourceName;
        public string? Host => Metric.Host;
        public string? VariantName => Metric.VariantName;
        public string Namespace => Metric.Namespace;
        public string MetricName => Metric.MetricName;
        public string? Unit => Metric.Unit;
        public IReadOnlyDictionary<string, string> Dimensions => Metric.Dimensions;
        public MetricIdentity Identity => Metric.Identity;

        public override string ToString() => $"{Metric} {Statistic} {Period}s";
    }
}
