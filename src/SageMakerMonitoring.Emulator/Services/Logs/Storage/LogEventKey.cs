using System;

namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>
    /// The total order of events across streams: timestamp, then ingestion time, then stream, then arrival within
    /// the stream. Used to interleave streams and to resume a page exactly after the last event it covered.
    /// </summary>
    internal readonly struct LogEventKey : IComparable<LogEventKey>
    {
        public LogEventKey(long timestamp, long ingestionTime, long streamId, int sequence)
        {
            Timestamp = timestamp;
            IngestionTime = ingestionTime;
            StreamId = streamId;
            Sequence = sequence;
        }

        public long Timestamp { get; }
        public long IngestionTime { get; }
        public long StreamId { get; }
        public int Sequence { get; }

        public int CompareTo(LogEventKey other)
        {
            if (Timestamp != other.Timestamp) return Timestamp < other.Timestamp ? -1 : 1;
            if (IngestionTime != other.IngestionTime) return IngestionTime < other.IngestionTime ? -1 : 1;
            if (StreamId != other.StreamId) return StreamId < other.StreamId ? -1 : 1;
            return Sequence.CompareTo(other.Sequence);
        }
    }
}
