namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>
    /// The events of one log stream, kept in (timestamp, ingestion time, sequence) order. Positions are indexes
    /// 0..Count-1. Implementations store parallel arrays or compute events from their index on demand.
    /// </summary>
    internal abstract class LogEventStore
    {
        public abstract int Count { get; }

        public abstract long GetTimestamp(int index);

        public abstract long GetIngestionTime(int index);

        /// <summary>Arrival number of the event within its stream; stable for the life of the event.</summary>
        public abstract int GetSequence(int index);

        public abstract string GetMessage(int index);

        /// <summary>Largest ingestion time of any event, or null when the stream is empty.</summary>
        public abstract long? LastIngestionTime { get; }

        /// <summary>First index whose timestamp is at least <paramref name="timestamp"/> (Count when none).</summary>
        public virtual int LowerBound(long timestamp)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                int mid = (int)(((uint)lo + (uint)hi) >> 1);
                if (GetTimestamp(mid) < timestamp) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>First index whose timestamp is greater than <paramref name="timestamp"/> (Count when none).</summary>
        public int UpperBound(long timestamp) => timestamp == long.MaxValue ? Count : LowerBound(timestamp + 1);
    }
}
