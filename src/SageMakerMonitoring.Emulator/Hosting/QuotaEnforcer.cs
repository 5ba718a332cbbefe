using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// AWS's default request quotas per account × Region, enforced when asked (<c>--quotas aws</c> or
    /// POST /_emulator/quotas {"mode":"aws"}): a token bucket per operation holding one second of its rate, and for
    /// GetMetricData two data-points buckets that the answers draw on, chosen by the request's StartTime against the
    /// emulator clock: 180,000 per second when StartTime is at most 3 hours ago, 396,000 per second when it is older
    /// (the CloudWatch user guide's two quotas; each tier is its own bucket). A GetMetricData that arrives while its
    /// tier's bucket is in debt is throttled, as AWS throttles on either limit. Figures: the CloudWatch and CloudWatch
    /// Logs user guides' quota tables (default, not raised). A refused request is answered as the service answers
    /// throttling, and counted; GET /_emulator/quotas shows admitted and throttled requests per key.
    /// </summary>
    public sealed class QuotaEnforcer
    {
        /// <summary>Data points per second for a GetMetricData whose StartTime is at most 3 hours ago.</summary>
        public const double GetMetricDataPointsPerSecond = 180_000;

        /// <summary>Data points per second for a GetMetricData whose StartTime is more than 3 hours ago.</summary>
        public const double GetMetricDataOlderPointsPerSecond = 396_000;

        /// <summary>How old a StartTime may be (seconds before the emulator clock) and still draw on the recent tier.</summary>
        public const double RecentDataSeconds = 3 * 3600;

        /// <summary>Override names of the two data-points quotas.</summary>
        public const string RecentPointsOverride = "monitoring.GetMetricData.points";
        public const string OlderPointsOverride = "monitoring.GetMetricData.olderPoints";

        private static readonly HashSet<string> FiveTpsFilterRegions = new HashSet<string>(StringComparer.Ordinal)
        { "ap-northeast-3", "ap-southeast-3", "ca-west-1", "eu-central-1", "il-central-1" };

        private readonly ConcurrentDictionary<string, Bucket> _buckets = new ConcurrentDictionary<string, Bucket>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, long[]> _counts = new ConcurrentDictionary<string, long[]>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, double> _overrides = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        private volatile bool _enabled;


        public bool Enabled => _enabled;

        /// <summary>"aws" enforces the defaults, "off" stops; overrides are "signingName.Operation" → requests per second
    /// (and <see cref="RecentPointsOverride"/>/<see cref="OlderPointsOverride"/> → data points per second); a body with
    /// "overrides" replaces the whole set, one without keeps it.</summary>
        public void Configure(JsonObject body)
        {
            string? mode = body["mode"]?.GetValue<string>();
            if (mode != null)
            {
                if (mode.Equals("aws", StringComparison.OrdinalIgnoreCase)) _enabled = true;
                else if (mode.Equals("off", StringComparison.OrdinalIgnoreCase)) _enabled = false;
                else throw new FormatException("mode must be aws or off.");
            }
            if (body["overrides"] is JsonObject overrides)
            {
                // The set given replaces the one before ({} clears it).
                _overrides.Clear();
                foreach (var pair in overrides) _overrides[pair.Key] = pair.Value!.GetValue<double>();
            }
            if (body["resetCounts"]?.GetValue<bool>() == true) _counts.Clear();
            _buckets.Clear();
        }

        public void Reset()
        {
            _enabled = false;
            _overrides.Clear();
            _buckets.Clear();
            _counts.Clear();
        }

        /// <summary>Whether one more request of an operation fits the account's quota now (and takes it if so).</summary>
        public bool TryAdmit(string account, string region, string signingName, string operation)
        {
            if (!_enabled) return true;
            string name = signingName + "." + operation;
            double? tps = _overrides.TryGetValue(name, out double set) ? set : DefaultTps(signingName, operation, region);
            if (tps is null) return true;
            string key = account + "/" + region + "/" + name;
            bool admitted = _buckets.GetOrAdd(key, _ => new Bucket(tps.Value, tps.Value, Now)).TryTake(1, Now);
            long[] counts = _counts.GetOrAdd(key, _ => new long[2]);
            Interlocked.Increment(ref counts[admitted ? 0 : 1]);
            return admitted;
        }

        /// <summary>The data-points tier of a GetMetricData: older when its StartTime is more than 3 hours before
        /// <paramref name="now"/> (both epoch seconds on the emulator clock).</summary>
        public static bool IsOlderData(double startTime, double now) => now - startTime > RecentDataSeconds;

        /// <summary>Whether a GetMetricData already admitted by <see cref="TryAdmit"/> may be answered: not while the
        /// data-points bucket of its tier is in debt. A refusal is counted as a throttled GetMetricData.</summary>
        public bool TryAdmitDataPoints(string account, string region, bool olderData)
        {
            if (!_enabled) return true;
            if (PointsBucket(account, region, olderData).Tokens(Now) >= 0) return true;
            long[] counts = _counts.GetOrAdd(account + "/" + region + "/monitoring.GetMetricData", _ => new long[2]);
            Interlocked.Decrement(ref counts[0]);
            Interlocked.Increment(ref counts[1]);
            return false;
        }

        /// <summary>GetMetricData answers draw their data points from their tier's bucket (it may go into debt).</summary>
        public void ConsumeDataPoints(string account, string region, long points, bool olderData = false)
        {
            if (!_enabled || points <= 0) return;
            PointsBucket(account, region, olderData).Take(points, Now);
        }

        public JsonObject ToJson()
        {
            var counts = new JsonObject();
            foreach (var pair in _counts.OrderBy(p => p.Key, StringComparer.Ordinal))
                counts[pair.Key] = new JsonObject { ["admitted"] = Interlocked.Read(ref pair.Value[0]), ["throttled"] = Interlocked.Read(ref pair.Value[1]) };
            return new JsonObject { ["mode"] = _enabled ? "aws" : "off", ["counts"] = counts };
        }

        private Bucket PointsBucket(string account, string region, bool olderData)
        {
            string name = olderData ? OlderPointsOverride : RecentPointsOverride;
            double rate = _overrides.TryGetValue(name, out double set) ? set
                : olderData ? GetMetricDataOlderPointsPerSecond : GetMetricDataPointsPerSecond;
            return _buckets.GetOrAdd(account + "/" + region + "/" + name, _ => new Bucket(rate, rate, Now));
        }

        /// <summary>Seconds on a monotonic clock. Request rates are measured on the machine's clock even when the
        /// emulator's clock (the data's "now") is frozen or moved; tests that must not depend on the machine's speed
        /// replace it with a clock of their own.</summary>
        internal Func<double> Seconds { get; set; } = MachineSeconds;

        private double Now => Seconds();

        private static double MachineSeconds() => System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency;

        /// <summary>Defaults from the CloudWatch and CloudWatch Logs user guides (requests per second).</summary>
        private static double? DefaultTps(string signingName, string operation, string region)
        {
            switch (signingName + "." + operation)
            {
                case "monitoring.GetMetricData": return 500;
                case "monitoring.GetMetricStatistics": return 400;
                case "monitoring.ListMetrics": return 25;
                case "monitoring.PutMetricData": return 500;
                case "logs.FilterLogEvents": return region == "us-east-1" ? 25 : FiveTpsFilterRegions.Contains(region) ? 5 : 10;
                case "logs.DescribeLogStreams": return 25;
                case "logs.DescribeLogGroups": return 10;
                case "logs.StartQuery": return 10;
                case "logs.GetQueryResults": return 10;
                default: return null;
            }
        }

        private sealed class Bucket
        {
            private readonly object _gate = new object();
            private readonly double _rate;
            private readonly double _capacity;
            private double _tokens;
            private double _last;

            public Bucket(double rate, double capacity, double now)
            {
                _rate = rate;
                _capacity = capacity;
                _tokens = capacity;
                _last = now;
            }

            public bool TryTake(double n, double now)
            {
                lock (_gate)
                {
                    Refill(now);
                    if (_tokens < n) return false;
                    _tokens -= n;
                    return true;
                }
            }

            public void Take(double n, double now)
            {
                lock (_gate) { Refill(now); _tokens -= n; }
            }

            public double Tokens(double now)
            {
                lock (_gate) { Refill(now); return _tokens; }
            }

            private void Refill(double now)
            {
                if (now <= _last) return;
                _tokens = Math.Min(_capacity, _tokens + (now - _last) * _rate);
                _last = now;
            }
        }
    }
}
