namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>A time value (epoch milliseconds); shown as <c>yyyy-MM-dd HH:mm:ss.fff</c>.</summary>
    internal sealed class InsightsTimestamp
    {
        public InsightsTimestamp(long milliseconds)
        {
            Milliseconds = milliseconds;
        }

        public long Milliseconds { get; }

        public override string ToString() => LogsTime.FormatInsights(Milliseconds);
    }
}
