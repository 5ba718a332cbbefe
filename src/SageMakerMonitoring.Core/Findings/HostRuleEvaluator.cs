using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// Debugger's system rules over one host's snapshots, streamed in time order with bounded memory (a window of
    /// samples and a 50-bin histogram per GPU). Windowed rules (LowGPUUtilization, BatchSize) evaluate the last
    /// <see cref="UtilizationRuleParameters.Window"/> samples once more than <see cref="UtilizationRuleParameters.Patience"/>
    /// have been seen, then every further window back to back (a GPU triggers when any window does) and once more at the
    /// end, as Debugger's periodic scans do; GPUMemoryIncrease compares every window of
    /// <see cref="UtilizationRuleParameters.MemoryWindow"/> samples with the one before it. Evidence names the window.
    /// </summary>
    public sealed class HostRuleEvaluator
    {
        private const int HistogramBins = 50; // 0..100 in steps of 2, as Debugger's LoadBalancing
        private readonly UtilizationRuleParameters _p;
        private readonly FindingContext _context;
        private readonly string _host;
        private readonly Dictionary<string, GpuState> _gpus = new Dictionary<string, GpuState>(StringComparer.Ordinal);
        private readonly List<string> _gpuOrder = new List<string>();
        private readonly WindowRing _nodeCpu;
        private long _snapshots, _cpuBottlenecks, _ioSnapshots, _ioBottlenecks;
        private DateTime? _first, _last;
        private BatchVerdict _batch = new BatchVerdict();

        public HostRuleEvaluator(string host, FindingContext context, UtilizationRuleParameters parameters)
        {
            _host = host;
            _context = context;
            _p = parameters;
            _nodeCpu = new WindowRing(parameters.Window);
        }

        private const string HostWide = "(host)";

        public void Observe(HostSnapshot s)
        {
            _first ??= s.Time;
            _last = s.Time;
            _snapshots++;
            double minGpu = double.PositiveInfinity;
            foreach (var g in s.Gpu)
            {
                var state = Gpu(g.Device);
                state.Util.Add(s.Time, g.Value);
                state.Histogram[Math.Min(HistogramBins - 1, Math.Max(0, (int)(g.Value / 2)))]++;
                if (g.Value < minGpu) minGpu = g.Value;
                if (state.Util.Total > _p.Patience && state.Util.SinceEvaluation >= _p.Window) EvaluateLowGpu(state);
            }
            foreach (var m in s.GpuMemory)
            {
                var state = Gpu(m.Device);
                state.Memory.Add(s.Time, m.Value);
                if (state.MemCount == 0) state.MemWindowStart = s.Time;
                state.MemSum += m.Value;
                state.MemCount++;
                state.MemTotal++;
                if (state.MemCount >= _p.MemoryWindow)
                {
                    var mean = state.MemSum / state.MemCount;
                    if (state.PreviousMemMean is double prev && state.MemTotal > _p.Patience)
                    {
                        // Every window against the one before it, as Debugger's scans compare the last two windows.
                        var increase = mean - prev;
                        state.MemWindows++;
                        if (increase > state.MaxIncrease)
                        {
                            state.MaxIncrease = increase;
                            state.MaxIncreaseFrom = state.PreviousMemWindowStart;
                            state.MaxIncreaseWindowStart = state.MemWindowStart;
                            state.MaxIncreaseAt = s.Time;
                        }
                        if (increase > _p.MemoryIncrease)
                        {
                            state.MemViolations++;
                            state.MemFirst ??= state.PreviousMemWindowStart;
                            state.MemLast = s.Time;
                        }
                    }
                    state.PreviousMemMean = mean;
                    state.PreviousMemWindowStart = state.MemWindowStart;
                    state.MemSum = 0;
                    state.MemCount = 0;
                }
            }
            if (s.Cpu.Count > 0)
            {
                double sum = 0, max = double.NegativeInfinity;
                foreach (var c in s.Cpu) { sum += c.Value; if (c.Value > max) max = c.Value; }
                _nodeCpu.Add(s.Time, sum / s.Cpu.Count);
                if (s.Gpu.Count > 0 && minGpu < _p.BottleneckGpuThreshold && max > _p.CpuThreshold) _cpuBottlenecks++;
                if (_nodeCpu.Total > _p.Patience && _nodeCpu.SinceEvaluation >= _p.Window) EvaluateBatch();
            }
            if (s.IoWait.Count > 0)
            {
                _ioSnapshots++;
                var maxIo = s.IoWait.Max(v => v.Value);
                if (s.Gpu.Count > 0 && minGpu < _p.BottleneckGpuThreshold && maxIo > _p.IoThreshold) _ioBottlenecks++;
            }
        }

        private GpuState Gpu(string? device)
        {
            var key = device ?? HostWide;
            if (!_gpus.TryGetValue(key, out var state))
            {
                state = new GpuState(device, _p.Window, HistogramBins);
                _gpus[key] = state;
                _gpuOrder.Add(key);
                // Devices in their own order (gpu2 before gpu10), whatever order the lines came in.
                _gpuOrder.Sort((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
            }
            return state;
        }

        private void EvaluateLowGpu(GpuState g)
        {
            g.Util.SinceEvaluation = 0;
            var q = g.Util.Percentiles(95, 5);
            var p95 = q[0];
            var p5 = q[1];
            g.Windows++;
            var under = p95 < _p.LowGpuThresholdP95;
            var fluctuating = !under && p95 > _p.LowGpuThresholdP95 && p5 < _p.LowGpuThresholdP5;
            if (under) g.Underused++;
            if (fluctuating) g.Fluctuating++;
            if (under || fluctuating)
            {
                g.TriggeredFirst ??= g.Util.First;
                g.TriggeredLast = g.Util.Last;
                if (g.WorstP95 is null || p95 < g.WorstP95) { g.WorstP95 = p95; g.WorstP5 = p5; g.WorstStart = g.Util.First; g.WorstEnd = g.Util.Last; }
            }
            else if (g.WorstP95 is null && (g.LowestP95 is null || p95 < g.LowestP95)) { g.LowestP95 = p95; g.LowestP5 = p5; }
        }

        private void EvaluateBatch()
        {
            _nodeCpu.SinceEvaluation = 0;
            var cpu95 = _nodeCpu.Percentiles(95)[0];
            _batch.Windows++;
            var devices = new List<string>();
            double? gpu95 = null, mem95 = null;
            foreach (var key in _gpuOrder)
            {
                var g = _gpus[key];
                if (g.Util.Count == 0 || g.Memory.Count == 0) continue;
                var u = g.Util.Percentiles(95)[0];
                var m = g.Memory.Percentiles(95)[0];
                if (cpu95 < _p.BatchCpuThresholdP95 && u < _p.BatchGpuThresholdP95 && m < _p.BatchGpuMemoryThresholdP95)
                {
                    devices.Add(g.Device ?? "all GPUs");
                    gpu95 = gpu95 is null ? u : Math.Max(gpu95.Value, u);
                    mem95 = mem95 is null ? m : Math.Max(mem95.Value, m);
                }
                _batch.SawGpu = true;
            }
            if (devices.Count > 0)
            {
                _batch.Violations++;
                _batch.First ??= _nodeCpu.First;
                _batch.Last = _nodeCpu.Last;
                _batch.WindowStart = _nodeCpu.First;
                _batch.WindowEnd = _nodeCpu.Last;
                _batch.Cpu95 = cpu95;
                _batch.Gpu95 = gpu95;
                _batch.Mem95 = mem95;
                _batch.Devices = devices;
            }
            else if (_batch.Violations == 0)
            {
                _batch.Cpu95 = cpu95;
            }
        }

        /// <summary>Final evaluation and one finding per rule (per GPU where the rule looks at GPUs).</summary>
        public IEnumerable<UtilizationFinding> Finish(IReadOnlyCollection<string> rules)
        {
            foreach (var g in _gpus.Values)
            {
                if (g.Util.Total > _p.Patience && g.Util.SinceEvaluation > 0) EvaluateLowGpu(g);
            }
            if (_nodeCpu.Total > _p.Patience && _nodeCpu.SinceEvaluation > 0) EvaluateBatch();
            var findings = new List<UtilizationFinding>();
            if (rules.Contains(UtilizationRules.LowGPUUtilization)) findings.AddRange(LowGpuFindings());
            if (rules.Contains(UtilizationRules.CPUBottleneck)) findings.Add(Bottleneck(UtilizationRules.CPUBottleneck, _snapshots, _cpuBottlenecks, $"a CPU > {F(_p.CpuThreshold)} %", null));
            if (rules.Contains(UtilizationRules.IOBottleneck))
            {
                findings.Add(Bottleneck(UtilizationRules.IOBottleneck, _ioSnapshots, _ioBottlenecks, $"a CPU's I/O wait > {F(_p.IoThreshold)} %",
                    _context.PerDevice ? (_ioSnapshots == 0 ? "Debugger's data for this host holds no I/OWaitPercentage" : null) : "CloudWatch has no I/O wait; it needs Debugger system data"));
            }
            if (rules.Contains(UtilizationRules.BatchSize)) findings.Add(BatchFinding());
            if (rules.Contains(UtilizationRules.GPUMemoryIncrease)) findings.AddRange(MemoryFindings());
            if (rules.Contains(UtilizationRules.LoadBalancing)) findings.Add(LoadBalancingFinding());
            return findings;
        }

        private UtilizationFinding New(string rule, string? device)
        {
            return new UtilizationFinding(rule, _context.ResourceName, _host, device)
            {
                Source = _context.Source,
                ParameterValues = _p.For(rule),
                Recommendation = UtilizationRules.Recommend(rule),
                UtcWindowStart = _first,
                UtcWindowEnd = _last,
            };
        }

        private UtilizationFinding NotEvaluated(UtilizationFinding f, string why)
        {
            f.Evaluated = false;
            f.Triggered = false;
            f.SeverityLevel = FindingSeverity.Unknown;
            f.Evidence = "Not evaluated: " + why + ".";
            f.Recommendation = null;
            return f;
        }

        private static void Verdict(UtilizationFinding f, bool triggered, FindingSeverity severity)
        {
            f.Triggered = triggered;
            f.SeverityLevel = triggered ? severity : FindingSeverity.None;
            if (!triggered) f.Recommendation = null;
        }

        private string? GpuUnavailable()
        {
            if (_context.GpuUnavailableReason != null) return _context.GpuUnavailableReason;
            if (_gpus.Count == 0) return "no GPU data for this host";
            return null;
        }

        private string DeviceLabel(GpuState g) => g.Device ?? (_context.GpuCount > 1 ? $"average of {_context.GpuCount} GPUs" : "GPU");

        private IEnumerable<UtilizationFinding> LowGpuFindings()
        {
            var why = GpuUnavailable();
            if (why != null) { yield return NotEvaluated(New(UtilizationRules.LowGPUUtilization, null), why); yield break; }
            foreach (var key in _gpuOrder)
            {
                var g = _gpus[key];
                var f = New(UtilizationRules.LowGPUUtilization, g.Device);
                if (g.Util.Total <= _p.Patience)
                {
                    yield return NotEvaluated(f, $"{g.Util.Total} samples, the rule needs more than {_p.Patience} (-Patience)");
                    continue;
                }
                var triggered = g.Underused + g.Fluctuating > 0;
                Verdict(f, triggered, FindingSeverity.Warning);
                var p95 = g.WorstP95 ?? g.LowestP95 ?? 0;
                var p5 = g.WorstP5 ?? g.LowestP5 ?? 0;
                f.Value = p95;
                if (triggered)
                {
                    f.UtcWindowStart = g.TriggeredFirst;
                    f.UtcWindowEnd = g.TriggeredLast;
                    var kind = g.Underused >= g.Fluctuating
                        ? $"{DeviceLabel(g)} p95 {F(p95)} % < {F(_p.LowGpuThresholdP95)} % (under-used)"
                        : $"{DeviceLabel(g)} p95 {F(p95)} % with p5 {F(p5)} % < {F(_p.LowGpuThresholdP5)} % (fluctuating)";
                    f.Evidence = $"{kind} in {g.Underused + g.Fluctuating} of {g.Windows} windows of {_p.Window} samples over {Span(f.UtcWindowStart, f.UtcWindowEnd)}; "
                        + $"lowest in the window {Instant(g.WorstStart)} to {Instant(g.WorstEnd)}.";
                }
                else
                {
                    f.Evidence = $"{DeviceLabel(g)} lowest window p95 {F(p95)} % ≥ {F(_p.LowGpuThresholdP95)} %, p5 {F(p5)} % over {g.Windows} windows of {_p.Window} samples.";
                }
                yield return f;
            }
        }

        private UtilizationFinding Bottleneck(string rule, long snapshots, long bottlenecks, string condition, string? unavailable)
        {
            var f = New(rule, null);
            var why = unavailable ?? GpuUnavailable() ?? (_nodeCpu.Total == 0 ? "no CPU data for this host" : null);
            if (why != null) return NotEvaluated(f, why);
            if (snapshots <= _p.Patience) return NotEvaluated(f, $"{snapshots} snapshots, the rule needs more than {_p.Patience} (-Patience)");
            var share = 100.0 * bottlenecks / snapshots;
            f.Value = share;
            Verdict(f, share > _p.BottleneckThreshold, FindingSeverity.Warning);
            var scope = _context.PerDevice ? "" : " (host averages)";
            f.Evidence = $"A GPU < {F(_p.BottleneckGpuThreshold)} % while {condition} in {F(share)} % of {snapshots:N0} snapshots{scope}; threshold {F(_p.BottleneckThreshold)} %.";
            return f;
        }

        private UtilizationFinding BatchFinding()
        {
            var f = New(UtilizationRules.BatchSize, _batch.Devices is null ? null : string.Join(",", _batch.Devices));
            var why = GpuUnavailable() ?? (_nodeCpu.Total == 0 ? "no CPU data for this host" : null);
            if (why != null) return NotEvaluated(f, why);
            if (_nodeCpu.Total <= _p.Patience) return NotEvaluated(f, $"{_nodeCpu.Total} samples, the rule needs more than {_p.Patience} (-Patience)");
            Verdict(f, _batch.Violations > 0, FindingSeverity.Warning);
            if (f.Triggered)
            {
                f.UtcWindowStart = _batch.First;
                f.UtcWindowEnd = _batch.Last;
                f.Value = _batch.Gpu95;
                f.Evidence = $"CPU p95 {F(_batch.Cpu95)} % < {F(_p.BatchCpuThresholdP95)} %, GPU p95 {F(_batch.Gpu95)} % < {F(_p.BatchGpuThresholdP95)} % and GPU memory p95 {F(_batch.Mem95)} % < {F(_p.BatchGpuMemoryThresholdP95)} % in {_batch.Violations} of {_batch.Windows} windows"
                    + $" (figures of the last such window, {Instant(_batch.WindowStart)} to {Instant(_batch.WindowEnd)}).";
            }
            else
            {
                f.Value = _batch.Cpu95;
                f.Evidence = $"No window had CPU, GPU and GPU memory p95 all below their thresholds (last CPU p95 {F(_batch.Cpu95)} %) over {_batch.Windows} windows.";
            }
            return f;
        }

        private IEnumerable<UtilizationFinding> MemoryFindings()
        {
            var why = GpuUnavailable();
            var withMemory = _gpuOrder.Select(k => _gpus[k]).Where(g => g.MemTotal > 0).ToList();
            if (why == null && withMemory.Count == 0) why = "no GPU memory data for this host";
            if (why != null) { yield return NotEvaluated(New(UtilizationRules.GPUMemoryIncrease, null), why); yield break; }
            foreach (var g in withMemory)
            {
                var f = New(UtilizationRules.GPUMemoryIncrease, g.Device);
                if (g.MemTotal <= _p.Patience)
                {
                    yield return NotEvaluated(f, $"{g.MemTotal} samples, the rule needs more than {_p.Patience} (-Patience)");
                    continue;
                }
                Verdict(f, g.MemViolations > 0, FindingSeverity.Warning);
                f.Value = g.MaxIncrease;
                if (f.Triggered) { f.UtcWindowStart = g.MemFirst; f.UtcWindowEnd = g.MemLast; }
                f.Evidence = $"{(g.Device ?? "GPU memory")} largest rise between windows of {_p.MemoryWindow} samples {F(g.MaxIncrease)} points"
                    + $" (the window {Instant(g.MaxIncreaseWindowStart)} to {Instant(g.MaxIncreaseAt)} over the one from {Instant(g.MaxIncreaseFrom)})"
                    + (f.Triggered ? $" > {F(_p.MemoryIncrease)}; {g.MemViolations} of {g.MemWindows} rises exceeded it." : $" ≤ {F(_p.MemoryIncrease)} over {g.MemWindows} windows.");
                yield return f;
            }
        }

        private UtilizationFinding LoadBalancingFinding()
        {
            var devices = _gpuOrder.Select(k => _gpus[k]).Where(g => g.Device != null).ToList();
            var f0 = New(UtilizationRules.LoadBalancing, null);
            if (!_context.PerDevice) return NotEvaluated(f0, "CloudWatch sums a host's GPUs; comparing GPUs needs Debugger system data");
            var why = GpuUnavailable();
            if (why != null) return NotEvaluated(f0, why);
            if (devices.Count < 2) return NotEvaluated(f0, $"the host has {devices.Count} GPU; the rule compares two or more");
            var few = devices.FirstOrDefault(g => g.Util.Total <= _p.Patience);
            if (few != null) return NotEvaluated(f0, $"{few.Device} has {few.Util.Total} samples, the rule needs more than {_p.Patience} (-Patience)");
            double worst = -1;
            string pair = "";
            for (var i = 0; i < devices.Count; i++)
            {
                for (var j = i + 1; j < devices.Count; j++)
                {
                    var d = JensenShannon.Distance(devices[i].Histogram, devices[j].Histogram);
                    if (d > worst + 1e-9) { worst = d; pair = devices[i].Device + "," + devices[j].Device; }
                }
            }
            var f = New(UtilizationRules.LoadBalancing, pair);
            f.Value = worst;
            Verdict(f, worst > _p.LoadBalancingThreshold, FindingSeverity.Warning);
            f.Evidence = $"Largest Jensen–Shannon distance between GPU utilization histograms {worst.ToString("0.000", CultureInfo.InvariantCulture)} ({pair}) "
                + (f.Triggered ? ">" : "≤") + $" {F(_p.LoadBalancingThreshold)} across {devices.Count} GPUs.";
            return f;
        }

        internal static string F(double? v) => v is double d ? d.ToString(Math.Abs(d) >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) : "n/a";

        /// <summary>A window's edge in evidence: UTC, to the millisecond where the samples are finer than a second.</summary>
        internal static string Instant(DateTime? t) => t is DateTime d ? d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture) : "n/a";

        internal static string Span(DateTime? a, DateTime? b)
        {
            if (a is null || b is null) return "the range";
            var t = b.Value - a.Value;
            return t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : $"{t.TotalSeconds:0.#} s";
        }

        private sealed class GpuState
        {
            public GpuState(string? device, int window, int bins)
            {
                Device = device;
                Util = new WindowRing(window);
                Memory = new WindowRing(window);
                Histogram = new long[bins];
            }

            public string? Device { get; }
            public WindowRing Util { get; }
            public WindowRing Memory { get; }
            public long[] Histogram { get; }
            public int Windows, Underused, Fluctuating;
            public double? WorstP95, WorstP5, LowestP95, LowestP5;
            public DateTime? TriggeredFirst, TriggeredLast, WorstStart, WorstEnd;
            public double MemSum;
            public int MemCount;
            public long MemTotal;
            public double? PreviousMemMean;
            public int MemWindows, MemViolations;
            public double MaxIncrease = double.NegativeInfinity;
            public DateTime? MaxIncreaseAt, MaxIncreaseFrom, MaxIncreaseWindowStart, MemFirst, MemLast, MemWindowStart, PreviousMemWindowStart;
        }

        private sealed class BatchVerdict
        {
            public int Windows, Violations;
            public bool SawGpu;
            public double? Cpu95, Gpu95, Mem95;
            public DateTime? First, Last, WindowStart, WindowEnd;
            public List<string>? Devices;
        }
    }
}
