namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>The aggregate of one period bucket. When percentiles were requested, the aggregator also hands over
    /// the bucket's values sorted ascending with their weights (<see cref="ValueCount"/> entries).</summary>
    internal struct PeriodSummary
    {
        /// <summary>Bucket start, epoch seconds, a multiple of the period.</summary>
        public long Start;
        public double SampleCount;
        public double Sum;
        public double Minimum;
        public double Maximum;
        public bool PercentilesAvailable;
        public int ValueCount;
    }
}
