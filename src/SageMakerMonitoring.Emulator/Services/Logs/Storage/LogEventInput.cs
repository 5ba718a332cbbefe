namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>One event as a writer hands it in: when it happened (epoch ms) and its text.</summary>
    internal readonly struct LogEventInput
    {
        public LogEventInput(long timestamp, string message)
        {
            Timestamp = timestamp;
            Message = message;
        }

        public long Timestamp { get; }
        public string Message { get; }
    }
}
