namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    internal enum MetricStatisticKind
    {
        SampleCount,
        Sum,
        Average,
        Minimum,
        Maximum,
        Percentile,
    }
}
