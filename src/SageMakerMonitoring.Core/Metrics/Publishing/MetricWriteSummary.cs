namespace SageMakerMonitoring.Core.Metrics.Publishing
{
    /// <summary>What one Write-SageMakerMetric run published (-PassThru).</summary>
    public sealed class MetricWriteSummary
    {
        public MetricWriteSummary(string metricNamespace, int datapointsSent, int requests, int refused, int failed)
        {
            Namespace = metricNamespace;
            DatapointsSent = datapointsSent;
            Requests = requests;
            Refused = refused;
            Failed = failed;
        }

        public string Namespace { get; }
        /// <summary>Datapoints CloudWatch accepted.</summary>
        public int DatapointsSent { get; }
        /// <summary>PutMetricData calls made.</summary>
        public int Requests { get; }
        /// <summary>Datapoints refused before any call (values or timestamps CloudWatch does not take).</summary>
        public int Refused { get; }
        /// <summary>Datapoints in calls that failed.</summary>
        public int Failed { get; }
    }
}
