using System;

namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>
    /// A training host's log computed from the event index: event i happens at start + i * interval and its message
    /// is composed on demand, so a million events cost no memory. Mostly step lines, with a JSON line every 1,000
    /// events, a data-loader warning every 5,000 and an NCCL error every 50,000 (at index 49,999, 99,999, ...).
    /// </summary>
    internal sealed class SyntheticLogEventStore : LogEventStore
    {
        /// <summary>Delay between an event's timestamp and its ingestion time.</summary>
        public const long IngestionDelayMilliseconds = 250;

        private readonly int _hostNumber;
        private readonly long _start;
        private readonly long _interval;
        private readonly int _count;

        public SyntheticLogEventStore(int hostNumber, long startMilliseconds, long intervalMilliseconds, int count)
        {
            if (intervalMilliseconds <= 0) throw new ArgumentOutOfRangeException(nameof(intervalMilliseconds));
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            _hostNumber = hostNumber;
            _start = startMilliseconds;
            _interval = intervalMilliseconds;
            _count = count;
        }

        public override int Count => _count;

        public override long? LastIngestionTime => _count == 0 ? (long?)null : GetIngestionTime(_count - 1);

        public override long GetTimestamp(int index) => _start + index * _interval;

        public override long GetIngestionTime(int index) => _start + index * _interval + IngestionDelayMilliseconds;

        public override int GetSequence(int index) => index;

        public override int LowerBound(long timestamp)
        {
            if (timestamp <= _start) return 0;
            long offset = timestamp - _start;
            long index = (offset + _interval - 1) / _interval;
            return index >= _count ? _count : (int)index;
        }

        public override string GetMessage(int index) => Compose(_hostNumber, index);

        /// <summary>The message of event <paramref name="index"/> on host algo-<paramref name="hostNumber"/>.
        /// Built with integer arithmetic into a stack buffer: this runs once per served event.</summary>
        public static string Compose(int hostNumber, int index)
        {
            int step = index + 1;
            Span<char> buffer = stackalloc char[128];
            var w = new SpanTextWriter(buffer);
            if (step % 50_000 == 0)
            {
                w.Append("ERROR: NCCL timeout on rank ");
                w.Append(hostNumber - 1);
                w.Append(", retrying collective (step ");
                w.Append(step);
                w.Append(')');
            }
            else if (step % 5_000 == 0)
            {
                w.Append("WARNING: data loader worker ");
                w.Append(step / 5_000 % 4);
                w.Append(" is slow (batch wait ");
                w.AppendFixed(15 + (Mix(hostNumber, index) % 40), 1);
                w.Append("s)");
            }
            else if (step % 1_000 == 0)
            {
                w.Append("{\"level\":\"INFO\",\"host\":\"algo-");
                w.Append(hostNumber);
                w.Append("\",\"step\":");
                w.Append(step);
                w.Append(",\"latencyMs\":");
                w.Append(40 + (Mix(hostNumber, index) % 900));
                w.Append('}');
            }
            else
            {
                // loss = 2.5 * exp(-step / 40000) + noise, in units of 1e-4; the decay comes from a small table.
                long loss = LossTable[Math.Min(step / 1_000, LossTable.Length - 1)] + Mix(hostNumber, index) % 1000 / 2;
                long throughput = 4_800 + Mix(index, hostNumber) % 640;
                w.Append("[step ");
                w.Append(step);
                w.Append("] algo-");
                w.Append(hostNumber);
                w.Append(" loss=");
                w.AppendFixed(loss, 4);
                w.Append(" lr=0.000100 throughput=");
                w.AppendFixed(throughput, 1);
                w.Append(" samples/s");
            }
            return w.ToString();
        }

        private static readonly long[] LossTable = BuildLossTable();

        private static long[] BuildLossTable()
        {
            var table = new long[400];
            for (int k = 0; k < table.Length; k++) table[k] = (long)Math.Round(25_000 * Math.Exp(-k * 1_000 / 40_000.0));
            return table;
        }

        private static uint Mix(int a, int b)
        {
            unchecked
            {
                uint h = (uint)a * 0x9E3779B1u ^ (uint)b * 0x85EBCA77u;
                h ^= h >> 15;
                h *= 0xC2B2AE3Du;
                h ^= h >> 13;
                return h;
            }
        }
    }
}
