namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>Receives period buckets from <see cref="PeriodAggregator"/>. Returns whether the bucket produced an
    /// output datapoint (false when e.g. a requested percentile is unavailable), which counts against the budget.</summary>
    internal interface IPeriodSink
    {
        bool Accept(in PeriodSummary summary, double[] sortedValues, double[] sortedWeights);
    }
}
