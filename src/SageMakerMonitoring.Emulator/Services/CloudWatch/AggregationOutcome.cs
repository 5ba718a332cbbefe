namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>How far an aggregation run got: <see cref="HasMore"/> when the budget ran out before the range ended;
    /// then <see cref="NextPeriodStart"/> is the first bucket not emitted.</summary>
    internal readonly struct AggregationOutcome
    {
        public AggregationOutcome(int emitted, bool hasMore, long nextPeriodStart)
        {
            Emitted = emitted;
            HasMore = hasMore;
            NextPeriodStart = nextPeriodStart;
        }

        public int Emitted { get; }
        public bool HasMore { get; }
        public long NextPeriodStart { get; }
    }
}
