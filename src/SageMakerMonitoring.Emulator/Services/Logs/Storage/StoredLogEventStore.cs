using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>
    /// Events held in parallel arrays (timestamps, ingestion times, sequence numbers, messages). Appends in
    /// chronological order are amortised O(1); a batch older than the newest stored event is merged in place so the
    /// arrays stay sorted. Callers serialise writes against reads.
    /// </summary>
    internal sealed class StoredLogEventStore : LogEventStore
    {
        private long[] _timestamps = Array.Empty<long>();
        private long[] _ingestion = Array.Empty<long>();
        private int[] _sequence = Array.Empty<int>();
        private string[] _messages = Array.Empty<string>();
        private int _count;
        private int _nextSequence;
        private long? _lastIngestion;

        public override int Count => _count;

        public override long? LastIngestionTime => _lastIngestion;

        public override long GetTimestamp(int index) => _timestamps[index];

        public override long GetIngestionTime(int index) => _ingestion[index];

        public override int GetSequence(int index) => _sequence[index];

        public override string GetMessage(int index) => _messages[index];

        public override int LowerBound(long timestamp)
        {
            long[] ts = _timestamps;
            int lo = 0, hi = _count;
            while (lo < hi)
            {
                int mid = (int)(((uint)lo + (uint)hi) >> 1);
                if (ts[mid] < timestamp) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>Adds a batch already in chronological order, all ingested at <paramref name="ingestionTime"/>.</summary>
        public void Append(IReadOnlyList<LogEventInput> batch, long ingestionTime)
        {
            if (batch.Count == 0) return;
            EnsureCapacity(_count + batch.Count);
            if (_count == 0 || batch[0].Timestamp >= _timestamps[_count - 1])
            {
                for (int i = 0; i < batch.Count; i++)
                {
                    _timestamps[_count] = batch[i].Timestamp;
                    _ingestion[_count] = ingestionTime;
                    _sequence[_count] = _nextSequence++;
                    _messages[_count] = batch[i].Message;
                    _count++;
                }
            }
            else
            {
                MergeOlderBatch(batch, ingestionTime);
            }
            if (!_lastIngestion.HasValue || ingestionTime > _lastIngestion.Value) _lastIngestion = ingestionTime;
        }

        /// <summary>Merges from the back so no temporary arrays are needed. On equal timestamps the stored event
        /// (ingested earlier) stays first, which keeps (timestamp, ingestion, sequence) order.</summary>
        private void MergeOlderBatch(IReadOnlyList<LogEventInput> batch, long ingestionTime)
        {
            int firstSequence = _nextSequence;
            _nextSequence += batch.Count;
            int write = _count + batch.Count - 1;
            int stored = _count - 1;
            int incoming = batch.Count - 1;
            while (incoming >= 0)
            {
                if (stored >= 0 && _timestamps[stored] > batch[incoming].Timestamp)
                {
                    _timestamps[write] = _timestamps[stored];
                    _ingestion[write] = _ingestion[stored];
                    _sequence[write] = _sequence[stored];
                    _messages[write] = _messages[stored];
                    stored--;
                }
                else
                {
                    _timestamps[write] = batch[incoming].Timestamp;
                    _ingestion[write] = ingestionTime;
                    _sequence[write] = firstSequence + incoming;
                    _messages[write] = batch[incoming].Message;
                    incoming--;
                }
                write--;
            }
            _count += batch.Count;
        }

        private void EnsureCapacity(int needed)
        {
            if (needed <= _timestamps.Length) return;
            int capacity = Math.Max(needed, Math.Max(16, _timestamps.Length * 2));
            Array.Resize(ref _timestamps, capacity);
            Array.Resize(ref _ingestion, capacity);
            Array.Resize(ref _sequence, capacity);
            Array.Resize(ref _messages, capacity);
        }
    }
}
