using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// Takes a training job's (or endpoint's) utilization datapoints as they stream in, keeps statistics per host ×
    /// metric × device and feeds the rules host snapshots in time order. Debugger pages (one host-minute file each) are
    /// turned into snapshots at once; CloudWatch series arrive one after another, so their per-host values are kept as
    /// compact arrays (16 bytes a point) and merged into snapshots at the end.
    /// </summary>
    public sealed class UtilizationAnalyzer
    {
        public const int ChartBuckets = 240;
        private static readonly HashSet<string> RuleMetrics = new HashSet<string>(StringComparer.Ordinal)
            { "GPUUtilization", "GPUMemoryUtilization", "CPUUtilization", "I/OWaitPercentage" };

        private readonly FindingContext _context;
        private readonly Func<string, InstanceTypeInfo?> _instanceOf;
        private readonly UtilizationRuleParameters _parameters;
        private readonly DateTime _start, _end;
        private readonly Dictionary<(string Host, string Metric, string? Device), StatisticsAccumulator> _stats =
            new Dictionary<(string, string, string?), StatisticsAccumulator>();
        private readonly Dictionary<(string Host, string Metric, string? Device), UtilizationChartSeries> _charts =
            new Dictionary<(string, string, string?), UtilizationChartSeries>();
        private readonly Dictionary<string, HostRuleEvaluator> _evaluators = new Dictionary<string, HostRuleEvaluator>(StringComparer.Ordinal);
        private readonly Dictionary<(string Host, string Metric), (List<long> T, List<double> V)> _cloudWatch =
            new Dictionary<(string, string), (List<long>, List<double>)>();
        private readonly HostSnapshot _snapshot = new HostSnapshot();
        private readonly List<MetricDatapoint> _sorted = new List<MetricDatapoint>();
        private readonly HashSet<string> _unnormalised = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="instanceOf">The instance type of a host (heterogeneous clusters differ per host).</param>
        public UtilizationAnalyzer(FindingContext context, Func<string, InstanceTypeInfo?> instanceOf, UtilizationRuleParameters parameters, DateTime start, DateTime end)
        {
            _context = context;
            _instanceOf = instanceOf;
            _parameters = parameters;
            _start = start;
            _end = end;
        }

        public long Points { get; private set; }
        /// <summary>Metrics whose values could not be normalised (unknown instance type), skipped.</summary>
        public IReadOnlyCollection<string> Unnormalised => _unnormalised;

        /// <summary>A page of CloudWatch datapoints (host-level, summed over devices).</summary>
        public void AddCloudWatch(MetricDatapoint[] page)
        {
            foreach (var p in page)
            {
                var host = p.Host ?? p.VariantName ?? "";
                var value = UtilizationNormalizer.PerDevice(p.MetricName, p.Value, _instanceOf(host));
                if (value is null)
                {
                    _unnormalised.Add(p.MetricName);
                    continue;
                }
                Points++;
                Observe(host, p.MetricName, null, p.UtcTimestamp, value.Value);
                if (!RuleMetrics.Contains(p.MetricName)) continue;
                if (!_cloudWatch.TryGetValue((host, p.MetricName), out var buffer))
                {
                    buffer = (new List<long>(), new List<double>());
                    _cloudWatch[(host, p.MetricName)] = buffer;
                }
                buffer.T.Add(p.UtcTimestamp.Ticks);
                buffer.V.Add(value.Value);
            }
        }

        /// <summary>A page of Debugger datapoints (one host-minute file: values per device).</summary>
        public void AddDebugger(MetricDatapoint[] page)
        {
            _sorted.Clear();
            foreach (var p in page)
            {
                Points++;
                Observe(p.Host ?? "", p.MetricName, p.Device, p.UtcTimestamp, p.Value);
                if (RuleMetrics.Contains(p.MetricName)) _sorted.Add(p);
            }
            if (_sorted.Count == 0) return;
            _sorted.Sort((a, b) =>
            {
                var h = string.CompareOrdinal(a.Host, b.Host);
                return h != 0 ? h : a.UtcTimestamp.CompareTo(b.UtcTimestamp);
            });
            // Lines of one sampling instant carry slightly different timestamps: a snapshot is every line within
            // 40 % of the interval of its first line.
            var gap = TimeSpan.FromMilliseconds(Math.Max(20, 0.4 * _sorted[0].Period * 1000));
            string? host = null;
            var groupStart = DateTime.MinValue;
            _snapshot.Clear();
            foreach (var p in _sorted)
            {
                if (p.Host != host || p.UtcTimestamp - groupStart > gap)
                {
                    Flush(host);
                    host = p.Host;
                    groupStart = p.UtcTimestamp;
                    _snapshot.Time = p.UtcTimestamp;
                }
                Route(_snapshot, p.MetricName, new DeviceValue(p.Device, p.Value));
            }
            Flush(host);
        }

        private void Flush(string? host)
        {
            if (host != null && !_snapshot.IsEmpty) Evaluator(host).Observe(_snapshot);
            _snapshot.Clear();
        }

        private static void Route(HostSnapshot s, string metric, DeviceValue v)
        {
            switch (metric)
            {
                case "GPUUtilization": s.Gpu.Add(v); break;
                case "GPUMemoryUtilization": s.GpuMemory.Add(v); break;
                case "CPUUtilization": s.Cpu.Add(v); break;
                case "I/OWaitPercentage": s.IoWait.Add(v); break;
            }
        }

        private void Observe(string host, string metric, string? device, DateTime time, double value)
        {
            var key = (host, metric, device);
            if (!_stats.TryGetValue(key, out var acc))
            {
                acc = new StatisticsAccumulator();
                _stats[key] = acc;
                _charts[key] = new UtilizationChartSeries(host, metric, device, _start, _end, ChartBuckets);
            }
            acc.Add(value);
            _charts[key].Add(time, value);
        }

        private HostRuleEvaluator Evaluator(string host)
        {
            if (!_evaluators.TryGetValue(host, out var e))
            {
                var instance = _instanceOf(host);
                var context = new FindingContext
                {
                    ResourceName = _context.ResourceName,
                    Source = _context.Source,
                    PerDevice = _context.PerDevice,
                    GpuCount = instance?.Gpus ?? 0,
                    GpuUnavailableReason = _context.GpuUnavailableReason
                        ?? (instance is null ? (_context.PerDevice ? null : "the instance type is unknown, so CloudWatch's sums cannot be divided per GPU")
                            : instance.Gpus == 0 ? $"{instance.Name} has no GPUs" : null),
                };
                e = new HostRuleEvaluator(host, context, _parameters);
                _evaluators[host] = e;
            }
            return e;
        }

        public IEnumerable<UtilizationStatistics> Statistics()
        {
            foreach (var entry in _stats.OrderBy(e => HostKey(e.Key.Host)).ThenBy(e => e.Key.Metric, StringComparer.Ordinal).ThenBy(e => DeviceKey(e.Key.Device)))
            {
                var acc = entry.Value;
                var q = acc.Percentiles(5, 50, 95, 99);
                var instance = _instanceOf(entry.Key.Host);
                yield return new UtilizationStatistics
                {
                    ResourceName = _context.ResourceName,
                    Host = entry.Key.Host,
                    Device = entry.Key.Device,
                    MetricName = entry.Key.Metric,
                    Min = acc.Min,
                    P5 = q[0],
                    P50 = q[1],
                    P95 = q[2],
                    P99 = q[3],
                    Max = acc.Max,
                    SampleCount = acc.Count,
                    InstanceType = instance?.Name,
                    DeviceCount = UtilizationNormalizer.DeviceCount(entry.Key.Metric, instance),
                    Source = _context.Source,
                };
            }
        }

        public IEnumerable<UtilizationChartSeries> Charts() =>
            _charts.Values.OrderBy(c => HostKey(c.Host)).ThenBy(c => c.MetricName, StringComparer.Ordinal).ThenBy(c => DeviceKey(c.Device));

        /// <summary>Runs the rules (CloudWatch: merging the kept series into snapshots first) and returns their findings, host by host.</summary>
        public IEnumerable<UtilizationFinding> Findings(IReadOnlyCollection<string> rules)
        {
            foreach (var host in _cloudWatch.Keys.Select(k => k.Host).Distinct().OrderBy(HostKey).ToList()) ReplayCloudWatch(host);
            foreach (var host in _stats.Keys.Select(k => k.Host).Distinct()) Evaluator(host);
            foreach (var entry in _evaluators.OrderBy(e => HostKey(e.Key)))
            {
                foreach (var f in entry.Value.Finish(rules)) yield return f;
            }
        }

        private void ReplayCloudWatch(string host)
        {
            var series = _cloudWatch.Where(e => e.Key.Host == host).Select(e => (Metric: e.Key.Metric, e.Value.T, e.Value.V)).ToList();
            foreach (var s in series) _cloudWatch.Remove((host, s.Metric));
            var index = new int[series.Count];
            var evaluator = Evaluator(host);
            while (true)
            {
                long next = long.MaxValue;
                for (var i = 0; i < series.Count; i++)
                {
                    if (index[i] < series[i].T.Count && series[i].T[index[i]] < next) next = series[i].T[index[i]];
                }
                if (next == long.MaxValue) break;
                _snapshot.Clear();
                _snapshot.Time = new DateTime(next, DateTimeKind.Utc);
                for (var i = 0; i < series.Count; i++)
                {
                    if (index[i] < series[i].T.Count && series[i].T[index[i]] == next)
                    {
                        Route(_snapshot, series[i].Metric, new DeviceValue(null, series[i].V[index[i]]));
                        index[i]++;
                    }
                }
                evaluator.Observe(_snapshot);
            }
        }

        /// <summary>algo-2 before algo-10.</summary>
        internal static (int, string) HostKey(string host)
        {
            var dash = host.LastIndexOf('-');
            return dash >= 0 && int.TryParse(host.Substring(dash + 1), out var n) ? (n, host) : (int.MaxValue, host);
        }

        private static (int, string) DeviceKey(string? device)
        {
            if (device is null) return (-1, "");
            var digits = device.TrimStart('c', 'p', 'u', 'g');
            return int.TryParse(digits, out var n) ? (n, device) : (int.MaxValue, device);
        }
    }
}
