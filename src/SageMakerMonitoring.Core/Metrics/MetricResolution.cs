using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>The metrics found for a selection, what was searched, and similar names when nothing matched.</summary>
    public sealed class MetricResolution
    {
        public MetricResolution(IReadOnlyList<MetricInfo> metrics, string searched, IReadOnlyList<string> similar, IReadOnlyList<string> missingMetricNames)
        {
            Metrics = metrics;
            Searched = searched;
            Similar = similar;
            MissingMetricNames = missingMetricNames;
        }

        public IReadOnlyList<MetricInfo> Metrics { get; }
        /// <summary>Which namespaces and dimensions were searched, for messages.</summary>
        public string Searched { get; }
        /// <summary>Names that exist and resemble what was asked (resource names or metric names).</summary>
        public IReadOnlyList<string> Similar { get; }
        /// <summary>Metric names the user asked for that were not found.</summary>
        public IReadOnlyList<string> MissingMetricNames { get; }
    }
}
