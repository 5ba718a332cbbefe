using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Metrics.Publishing
{
    /// <summary>One PutMetricData call's worth: a namespace and at most 1,000 metric data within the request size limit.</summary>
    public sealed class MetricWriteBatch
    {
        internal MetricWriteBatch(string metricNamespace, IReadOnlyList<MetricDatum> data, int points, int estimatedBytes)
        {
            Namespace = metricNamespace;
            Data = data;
            Points = points;
            EstimatedBytes = estimatedBytes;
        }

        public string Namespace { get; }
        public IReadOnlyList<MetricDatum> Data { get; }
        /// <summary>Datapoints it carries (a value with a count of 3 is one datapoint here).</summary>
        public int Points { get; }
        /// <summary>Upper estimate of the uncompressed JSON body.</summary>
        public int EstimatedBytes { get; }

        public override string ToString() => Points + " datapoint(s) in " + Data.Count + " metric datum(s) to " + Namespace;
    }
}
