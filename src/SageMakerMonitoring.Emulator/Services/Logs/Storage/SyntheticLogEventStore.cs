using System;
using System.Globalization;

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

        /// <summary>The message of event <paramref name="index"/> on host algo-<paramref name="hostNumber"/>.</summary>
        public static string Compose(int hostNumber, int index)
        {
            int step = index + 1;
            if (step % 50_000 == 0)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"ERROR: NCCL timeout on rank {hostNumber - 1}, retrying collective (step {step})");
            }
            if (step % 5_000 == 0)
            {
                double wait = 1.5 + (Mix(hostNumber, index) % 40) / 10.0;
                return string.Create(CultureInfo.InvariantCulture,
                    $"WARNING: data loader worker {step / 5_000 % 4} is slow (batch wait {wait:F1}s)");
            }
            if (step % 1_000 == 0)
            {
                int latency = 40 + (int)(Mix(hostNumber, index) % 900);
                return string.Create(CultureInfo.InvariantCulture,
                    $"{{\"level\":\"INFO\",\"host\":\"algo-{hostNumber}\",\"step\":{step},\"latencyMs\":{latency}}}");
            }
            double loss = 2.5 * Math.Exp(-step / 40_000.0) + (Mix(hostNumber, index) % 1000) / 20_000.0;
            double throughput = 480 + (Mix(index, hostNumber) % 640) / 10.0;
            return string.Create(CultureInfo.InvariantCulture,
                $"[step {step}] algo-{hostNumber} loss={loss:F4} lr=0.000100 throughput={throughput:F1} samples/s");
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
