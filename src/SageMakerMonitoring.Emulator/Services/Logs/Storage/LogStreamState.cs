namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>A log stream: its name, identity and events.</summary>
    internal sealed class LogStreamState
    {
        public LogStreamState(long id, string name, string arn, long creationTime, LogEventStore events)
        {
            Id = id;
            Name = name;
            Arn = arn;
            CreationTime = creationTime;
            Events = events;
        }

        /// <summary>Unique across the service; breaks timestamp ties between streams and forms event ids.</summary>
        public long Id { get; }
        public string Name { get; }
        public string Arn { get; }
        public long CreationTime { get; }
        public LogEventStore Events { get; }

        public long? FirstEventTimestamp => Events.Count == 0 ? (long?)null : Events.GetTimestamp(0);

        public long? LastEventTimestamp => Events.Count == 0 ? (long?)null : Events.GetTimestamp(Events.Count - 1);
    }
}
