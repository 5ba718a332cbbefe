using System;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>What Find-SageMakerMetric asks: the metrics of a selection, optionally only recently active ones and
    /// only those whose name passes a filter (the cmdlet's wildcards).</summary>
    public sealed class MetricFindRequest
    {
        public MetricFindRequest(MetricSelection selection)
        {
            Selection = selection ?? throw new ArgumentNullException(nameof(selection));
        }

        public MetricSelection Selection { get; }
        /// <summary>Only metrics with data in the last 3 hours (ListMetrics RecentlyActive=PT3H).</summary>
        public bool RecentlyActive { get; init; }
        /// <summary>Keeps a metric when true; null keeps every metric.</summary>
        public Func<string, bool>? MetricNameFilter { get; init; }
    }
}
