namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>Tunables set by the <c>config</c> control action.</summary>
    internal sealed class LogsSettings
    {
        public const int DefaultMaxConcurrentQueries = 30;
        public const int DefaultQueryRunMilliseconds = 300;
        public const int DefaultScanBudget = 100_000;

        /// <summary>Insights queries Scheduled or Running at once before StartQuery answers LimitExceededException.</summary>
        public int MaxConcurrentQueries { get; set; } = DefaultMaxConcurrentQueries;

        /// <summary>Real time a query spends Scheduled/Running before it reports Complete.</summary>
        public int QueryRunMilliseconds { get; set; } = DefaultQueryRunMilliseconds;

        /// <summary>Candidate events one FilterLogEvents call examines before it answers with what it found so far.</summary>
        public int ScanBudget { get; set; } = DefaultScanBudget;
    }
}
