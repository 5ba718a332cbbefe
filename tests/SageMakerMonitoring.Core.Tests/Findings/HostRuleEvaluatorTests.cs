using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Findings;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Findings
{
    /// <summary>Each rule on synthetic per-device series just below, at and above its thresholds (small windows so the
    /// series stay short; one test with Debugger's own window and patience).</summary>
    public class HostRuleEvaluatorTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

        private static UtilizationRuleParameters Small() => new UtilizationRuleParameters { Window = 20, Patience = 40, MemoryWindow = 10 };

        private static List<UtilizationFinding> Run(UtilizationRuleParameters p, int n, Func<int, HostSnapshot, bool> fill, string rule, bool perDevice = true)
        {
            var e = new HostRuleEvaluator("algo-1", new FindingContext { ResourceName = "job", Source = perDevice ? "Debugger" : "CloudWatch", PerDevice = perDevice, GpuCount = 2 }, p);
            var s = new HostSnapshot();
            for (var i = 0; i < n; i++)
            {
                s.Clear();
                s.Time = T0.AddMilliseconds(500 * i);
                if (fill(i, s)) e.Observe(s);
            }
            return e.Finish(new[] { rule }).ToList();
        }

        private static HostSnapshot Gpus(HostSnapshot s, double g0, double g1, double m0 = 50, double m1 = 50)
        {
            s.Gpu.Add(new DeviceValue("gpu0", g0));
            s.Gpu.Add(new DeviceValue("gpu1", g1));
            s.GpuMemory.Add(new DeviceValue("gpu0", m0));
            s.GpuMemory.Add(new DeviceValue("gpu1", m1));
            return s;
        }

        [Theory]
        [InlineData(69.9, true)]
        [InlineData(70.0, false)]
        [InlineData(70.1, false)]
        public void LowGpuUtilizationUnderUsedAtTheP95Threshold(double level, bool triggered)
        {
            var findings = Run(Small(), 100, (i, s) => { Gpus(s, level, 95); s.Cpu.Add(new DeviceValue("cpu0", 50)); return true; }, UtilizationRules.LowGPUUtilization);
            var gpu0 = Assert.Single(findings, f => f.Device == "gpu0");
            var gpu1 = Assert.Single(findings, f => f.Device == "gpu1");
            Assert.Equal(triggered, gpu0.Triggered);
            Assert.True(gpu0.Evaluated);
            Assert.False(gpu1.Triggered);
            Assert.Equal(level, gpu0.Value!.Value, 6);
            if (triggered)
            {
                Assert.Contains("under-used", gpu0.Evidence);
                Assert.Equal(FindingSeverity.Warning, gpu0.SeverityLevel);
                Assert.NotNull(gpu0.Recommendation);
            }
        }

        [Theory]
        [InlineData(9.9, true)]
        [InlineData(10.0, false)]
        [InlineData(10.1, false)]
        public void LowGpuUtilizationFluctuatingAtTheP5Threshold(double low, bool triggered)
        {
            // Half the samples at 100, half at the low level: p95 = 100 > 70 and p5 = the low level.
            var findings = Run(Small(), 100, (i, s) => { Gpus(s, i % 2 == 0 ? 100 : low, 95); return true; }, UtilizationRules.LowGPUUtilization);
            var gpu0 = Assert.Single(findings, f => f.Device == "gpu0");
            Assert.Equal(triggered, gpu0.Triggered);
            if (triggered) Assert.Contains("fluctuating", gpu0.Evidence);
        }

        [Fact]
        public void RulesWaitForPatience()
        {
            var findings = Run(Small(), 40, (i, s) => { Gpus(s, 1, 1); return true; }, UtilizationRules.LowGPUUtilization);
            Assert.All(findings, f => { Assert.False(f.Evaluated); Assert.False(f.Triggered); Assert.Contains("-Patience", f.Evidence); });
            findings = Run(Small(), 41, (i, s) => { Gpus(s, 1, 1); return true; }, UtilizationRules.LowGPUUtilization);
            Assert.All(findings, f => Assert.True(f.Triggered));
        }

        [Fact]
        public void DebuggersOwnWindowAndPatience()
        {
            var p = new UtilizationRuleParameters();
            Assert.Equal((500, 1000, 70.0, 10.0), (p.Window, p.Patience, p.LowGpuThresholdP95, p.LowGpuThresholdP5));
            // 1,000 samples: not yet; 1,001: the last 500 are judged.
            Assert.False(Run(p, 1000, (i, s) => { Gpus(s, 30, 30); return true; }, UtilizationRules.LowGPUUtilization)[0].Evaluated);
            var f = Run(p, 1001, (i, s) => { Gpus(s, 30, 30); return true; }, UtilizationRules.LowGPUUtilization)[0];
            Assert.True(f.Triggered);
            Assert.Contains("1 of 1 windows of 500 samples", f.Evidence);
        }

        [Theory]
        // share of bottlenecked snapshots (per 100): 50 is not more than 50 %, 51 is
        [InlineData(50, 9.9, 90.1, false)]
        [InlineData(51, 9.9, 90.1, true)]
        [InlineData(100, 10.0, 90.1, false)] // GPU exactly at its threshold is not idle
        [InlineData(100, 9.9, 90.0, false)]  // CPU exactly at its threshold is not saturated
        public void CpuBottleneck(int perHundred, double gpu, double cpu, bool triggered)
        {
            var findings = Run(Small(), 200, (i, s) =>
            {
                var bottleneck = i % 100 < perHundred;
                Gpus(s, bottleneck ? gpu : 80, 80);
                s.Cpu.Add(new DeviceValue("cpu0", bottleneck ? cpu : 20));
                s.Cpu.Add(new DeviceValue("cpu1", 5));
                return true;
            }, UtilizationRules.CPUBottleneck);
            var f = Assert.Single(findings);
            Assert.Equal(triggered, f.Triggered);
            Assert.Null(f.Device);
        }

        [Theory]
        [InlineData(50.1, true)]
        [InlineData(50.0, false)]
        public void IoBottleneck(double ioWait, bool triggered)
        {
            var findings = Run(Small(), 100, (i, s) =>
            {
                Gpus(s, 5, 80);
                s.Cpu.Add(new DeviceValue("cpu0", 20));
                s.IoWait.Add(new DeviceValue("cpu0", ioWait));
                return true;
            }, UtilizationRules.IOBottleneck);
            Assert.Equal(triggered, Assert.Single(findings).Triggered);
        }

        [Fact]
        public void IoBottleneckIsNotEvaluatedFromCloudWatch()
        {
            var f = Assert.Single(Run(Small(), 100, (i, s) => { s.Gpu.Add(new DeviceValue(null, 5)); s.Cpu.Add(new DeviceValue(null, 95)); return true; },
                UtilizationRules.IOBottleneck, perDevice: false));
            Assert.False(f.Evaluated);
            Assert.Contains("I/O wait", f.Evidence);
        }

        [Theory]
        [InlineData(69.9, 69.9, 69.9, true)]
        [InlineData(70.0, 69.9, 69.9, false)]
        [InlineData(69.9, 70.0, 69.9, false)]
        [InlineData(69.9, 69.9, 70.0, false)]
        public void BatchSize(double cpu, double gpu, double memory, bool triggered)
        {
            var findings = Run(Small(), 100, (i, s) =>
            {
                Gpus(s, gpu, 90, memory, 90);
                s.Cpu.Add(new DeviceValue("cpu0", cpu));
                s.Cpu.Add(new DeviceValue("cpu1", cpu));
                return true;
            }, UtilizationRules.BatchSize);
            var f = Assert.Single(findings);
            Assert.Equal(triggered, f.Triggered);
            if (triggered) Assert.Equal("gpu0", f.Device);
        }

        [Theory]
        [InlineData(5.0, false)]
        [InlineData(5.1, true)]
        public void GpuMemoryIncrease(double step, bool triggered)
        {
            // Memory steps up by `step` points every 10 samples (one window).
            var findings = Run(Small(), 100, (i, s) => { Gpus(s, 80, 80, 10 + step * (i / 10) * 0.25 * 4, 40); return true; }, UtilizationRules.GPUMemoryIncrease);
            var gpu0 = Assert.Single(findings, f => f.Device == "gpu0");
            Assert.Equal(triggered, gpu0.Triggered);
            Assert.Equal(step, gpu0.Value!.Value, 6);
            Assert.False(Assert.Single(findings, f => f.Device == "gpu1").Triggered);
        }

        [Fact]
        public void LoadBalancingComparesGpuHistograms()
        {
            // gpu0 busy (90–99 %), gpu1 idle (0–9 %): disjoint histograms, distance √ln 2.
            var unequal = Assert.Single(Run(Small(), 100, (i, s) => { Gpus(s, 90 + i % 10, i % 10); return true; }, UtilizationRules.LoadBalancing));
            Assert.True(unequal.Triggered);
            Assert.Equal("gpu0,gpu1", unequal.Device);
            Assert.Equal(Math.Sqrt(Math.Log(2)), unequal.Value!.Value, 9);
            var equal = Assert.Single(Run(Small(), 100, (i, s) => { Gpus(s, 90 + i % 10, 90 + (i + 5) % 10); return true; }, UtilizationRules.LoadBalancing));
            Assert.False(equal.Triggered);
            Assert.Equal(0, equal.Value!.Value, 9);
            var cloudWatch = Assert.Single(Run(Small(), 100, (i, s) => { s.Gpu.Add(new DeviceValue(null, 50)); return true; }, UtilizationRules.LoadBalancing, perDevice: false));
            Assert.False(cloudWatch.Evaluated);
        }

        [Theory]
        // Two GPUs with histograms whose distance is known: half of gpu1's samples in gpu0's bin.
        [InlineData(0.5, false)]
        [InlineData(0.45, true)]
        public void LoadBalancingAtItsThreshold(double threshold, bool triggered)
        {
            // gpu0 always in bin 0; gpu1 half in bin 0, half in bin 49: JS = 0.215762 (hand-computed), distance 0.464502.
            var p = Small();
            p.LoadBalancingThreshold = threshold;
            var f = Assert.Single(Run(p, 100, (i, s) => { Gpus(s, 1, i % 2 == 0 ? 1 : 99); return true; }, UtilizationRules.LoadBalancing));
            Assert.Equal(0.464502, f.Value!.Value, 5);
            Assert.Equal(triggered, f.Triggered);
        }
    }
}
