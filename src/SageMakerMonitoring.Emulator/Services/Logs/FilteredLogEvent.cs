using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>One event of a FilterLogEvents page: its stream, ordering key and message.</summary>
    internal readonly struct FilteredLogEvent
    {
        public FilteredLogEvent(string streamName, LogEventKey key, string message)
        {
            StreamName = streamName;
            Key = key;
            Message = message;
        }

        public string StreamName { get; }
        public LogEventKey Key { get; }
        public string Message { get; }
    }
}
