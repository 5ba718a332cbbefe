using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>What Get-SageMakerMetric / Watch-SageMakerMetric ask for.</summary>
    public sealed class MetricQuery
    {
        public MetricQuery(MetricSelection selection) => Selection = selection;

        public MetricSelection Selection { get; }
        /// <summary>Region and account for the output: given to each metric once, as its series are planned.</summary>
        public Output.ResourceScope? Scope { get; init; }
        /// <summary>Null or empty: the resource's default metrics.</summary>
        public IReadOnlyList<string>? MetricNames { get; set; }
        /// <summary>Null or empty: each metric's default statistic (Average where meaningful).</summary>
        public IReadOnlyList<string>? Statistics { get; set; }
        /// <summary>Seconds; null is Auto.</summary>
        public int? Period { get; set; }
        public DateTime? StartTime { get; set; }
        public DateTime? EndTime { get; set; }
        public TimeSpan? Since { get; set; }
    }
}
