namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>One MetricDataResults entry of a GetMetricData page: period starts (epoch seconds) and values.</summary>
    internal sealed class MetricDataPageResult
    {
        public MetricDataPageResult(string id, string label, long[] timestamps, double[] values, string statusCode)
        {
            Id = id;
            Label = label;
            Timestamps = timestamps;
            Values = values;
            StatusCode = statusCode;
        }

        public string Id { get; }
        public string Label { get; }
        public long[] Timestamps { get; }
        public double[] Values { get; }
        public string StatusCode { get; }
    }
}
