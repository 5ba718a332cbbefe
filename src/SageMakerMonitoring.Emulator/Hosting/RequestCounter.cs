using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Counts routed requests per "signingName.Operation".</summary>
    public sealed class RequestCounter
    {
        private readonly ConcurrentDictionary<string, StrongBox> _counts = new ConcurrentDictionary<string, StrongBox>();
        private readonly ConcurrentDictionary<string, StrongBox> _gzip = new ConcurrentDictionary<string, StrongBox>();
        private long _total;

        public long Total => Interlocked.Read(ref _total);

        public void Count(string signingName, string operation)
        {
            Interlocked.Increment(ref _total);
            StrongBox box = _counts.GetOrAdd(signingName + "." + operation, _ => new StrongBox());
            Interlocked.Increment(ref box.Value);
        }

        /// <summary>Counts a request whose body came gzip-encoded (Content-Encoding: gzip).</summary>
        public void CountGzip(string signingName, string operation)
        {
            StrongBox box = _gzip.GetOrAdd(signingName + "." + operation, _ => new StrongBox());
            Interlocked.Increment(ref box.Value);
        }

        public long Get(string key) => _counts.TryGetValue(key, out StrongBox? box) ? Interlocked.Read(ref box.Value) : 0;

        public IReadOnlyDictionary<string, long> Snapshot() =>
            _counts.ToDictionary(pair => pair.Key, pair => Interlocked.Read(ref pair.Value.Value));

        public void Reset()
        {
            _counts.Clear();
            _gzip.Clear();
            Interlocked.Exchange(ref _total, 0);
        }

        public JsonObject ToJson()
        {
            var operations = new JsonObject();
            foreach (KeyValuePair<string, long> pair in Snapshot().OrderBy(p => p.Key, System.StringComparer.Ordinal))
                operations[pair.Key] = pair.Value;
            var gzip = new JsonObject();
            foreach (KeyValuePair<string, StrongBox> pair in _gzip.OrderBy(p => p.Key, System.StringComparer.Ordinal))
                gzip[pair.Key] = Interlocked.Read(ref pair.Value.Value);
            return new JsonObject { ["total"] = Total, ["operations"] = operations, ["gzip"] = gzip };
        }

        private sealed class StrongBox
        {
            public long Value;
        }
    }
}
