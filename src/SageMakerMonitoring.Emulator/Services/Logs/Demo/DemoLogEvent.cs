using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs.Demo
{
    internal readonly struct DemoLogEvent
    {
        public DemoLogEvent(long timestamp, string message, long ingestionTime)
        {
            Event = new LogEventInput(timestamp, message);
            IngestionTime = ingestionTime;
        }

        public LogEventInput Event { get; }
        public long IngestionTime { get; }
    }
}
