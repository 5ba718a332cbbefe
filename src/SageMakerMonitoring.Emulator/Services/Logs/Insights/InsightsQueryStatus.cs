namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>The QueryStatus values this emulator reports.</summary>
    internal static class InsightsQueryStatus
    {
        public const string Scheduled = "Scheduled";
        public const string Running = "Running";
        public const string Complete = "Complete";
        public const string Failed = "Failed";
        public const string Cancelled = "Cancelled";

        public static bool IsActive(string status) => status == Scheduled || status == Running;
    }
}
