namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>A <c>by</c> term of <c>stats</c>: a field, or <c>bin(period)</c> over @timestamp.</summary>
    internal sealed class InsightsGrouping
    {
        public InsightsGrouping(string? field, long binMilliseconds, string outputName)
        {
            Field = field;
            BinMilliseconds = binMilliseconds;
            OutputName = outputName;
        }

        public string? Field { get; }
        /// <summary>Positive for bin(); then <see cref="Field"/> is null.</summary>
        public long BinMilliseconds { get; }
        public string OutputName { get; }
    }
}
