using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Findings;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Findings
{
    /// <summary>
    /// The windowed rules over back-to-back windows with Debugger's own defaults (debugger-facts: LowGPUUtilization looks
    /// at windows of the last 500 samples once there are more than 1,000; GPUMemoryIncrease compares the mean of a window
    /// of 10 samples with the window before it, once there are more than 1,000). Samples come every 500 ms from T0, so
    /// sample i is at T0 + i × 0.5 s, and with 2,000 samples the LowGPUUtilization windows are samples 501–1000,
    /// 1001–1500 and, at the end, 1500–1999 (0-based).
    /// </summary>
    public class HostRuleWindowTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

        private static DateTime At(int i) => T0.AddMilliseconds(500.0 * i);

        private static UtilizationFinding Run(string rule, int n, Func<int, double> gpu, Func<int, double> memory, Func<int, double>? cpu = null)
        {
            var e = new HostRuleEvaluator("algo-1", new FindingContext { ResourceName = "job", Source = "Debugger", PerDevice = true, GpuCount = 1 }, new UtilizationRuleParameters());
            var s = new HostSnapshot();
            for (var i = 0; i < n; i++)
            {
                s.Clear();
                s.Time = At(i);
                s.Gpu.Add(new DeviceValue("gpu0", gpu(i)));
                s.GpuMemory.Add(new DeviceValue("gpu0", memory(i)));
                s.Cpu.Add(new DeviceValue("cpu0", cpu?.Invoke(i) ?? 50));
                e.Observe(s);
            }
            return Assert.Single(e.Finish(new[] { rule }));
        }

        [Theory]
        [InlineData(69.9, true)]
        [InlineData(70.0, false)]
        public void LowGpuUtilizationTriggersOnAMiddleWindowAndNamesIt(double level, bool triggered)
        {
            // Only the second window (samples 1001-1500) is low; the windows before and after are at 90 %.
            var f = Run(UtilizationRules.LowGPUUtilization, 2000, i => i >= 1001 && i <= 1500 ? level : 90, _ => 50);
            Assert.True(f.Evaluated);
            Assert.Equal(triggered, f.Triggered);
            if (triggered)
            {
                Assert.Equal(At(1001), f.UtcWindowStart);
                Assert.Equal(At(1500), f.UtcWindowEnd);
                Assert.Contains("in 1 of 3 windows of 500 samples", f.Evidence);
                Assert.Contains("the window 2026-12-07T10:08:20.5Z to 2026-12-07T10:12:30Z", f.Evidence);
                Assert.Equal(level, f.Value!.Value, 6);
            }
            else
            {
                Assert.Contains("over 3 windows", f.Evidence);
            }
        }

        [Fact]
        public void LowGpuUtilizationCountsEveryTriggeredWindow()
        {
            // Samples 501-1000 and 1500-1999 low, 1001-1499 busy: the first and last windows trigger.
            var f = Run(UtilizationRules.LowGPUUtilization, 2000, i => i >= 1001 && i < 1500 ? 90 : 30, _ => 50);
            Assert.True(f.Triggered);
            Assert.Contains("in 2 of 3 windows", f.Evidence);
            Assert.Equal(At(501), f.UtcWindowStart);
            Assert.Equal(At(1999), f.UtcWindowEnd);
        }

        [Fact]
        public void SamplesBeforeTheFirstWindowOnlyCountTowardPatience()
        {
            // Low for samples 0-500: before the first window (501-1000) is evaluated.
            var f = Run(UtilizationRules.LowGPUUtilization, 2000, i => i <= 500 ? 20 : 90, _ => 50);
            Assert.True(f.Evaluated);
            Assert.False(f.Triggered);
        }

        [Theory]
        [InlineData(5.1, true)]
        [InlineData(5.0, false)]
        public void GpuMemoryIncreaseComparesEveryWindowWithTheOneBefore(double rise, bool triggered)
        {
            // Memory steps up once, at sample 1200 (the window 1200-1209), then stays flat: only that window's
            // comparison sees the rise; the last windows see none.
            var f = Run(UtilizationRules.GPUMemoryIncrease, 2000, _ => 90, i => i >= 1200 ? 50 + rise : 50);
            Assert.True(f.Evaluated);
            Assert.Equal(triggered, f.Triggered);
            Assert.Equal(rise, f.Value!.Value, 6);
            Assert.Contains("the window 2026-12-07T10:10:00Z to 2026-12-07T10:10:04.5Z over the one from 2026-12-07T10:09:55Z", f.Evidence);
            if (triggered)
            {
                Assert.Equal(At(1190), f.UtcWindowStart);
                Assert.Equal(At(1209), f.UtcWindowEnd);
                Assert.Contains("1 of ", f.Evidence);
            }
        }

        [Theory]
        [InlineData(69.9, true)]
        [InlineData(70.0, false)]
        public void BatchSizeTriggersOnAMiddleWindowAndNamesIt(double cpu, bool triggered)
        {
            // GPU and its memory at 40 % throughout; the CPU is busy except in the second window (samples 1001-1500).
            var f = Run(UtilizationRules.BatchSize, 2000, _ => 40, _ => 40, i => i >= 1001 && i <= 1500 ? cpu : 90);
            Assert.True(f.Evaluated);
            Assert.Equal(triggered, f.Triggered);
            if (triggered)
            {
                Assert.Contains("in 1 of 3 windows", f.Evidence);
                Assert.Contains("2026-12-07T10:08:20.5Z to 2026-12-07T10:12:30Z", f.Evidence);
                Assert.Equal((At(1001), At(1500)), (f.UtcWindowStart, f.UtcWindowEnd));
            }
        }

        [Fact]
        public void GpuMemoryIncreaseBeforePatienceIsNotCounted()
        {
            // A 20-point step at sample 500 (before more than 1,000 samples were seen), flat afterwards.
            var f = Run(UtilizationRules.GPUMemoryIncrease, 2000, _ => 90, i => i >= 500 ? 70 : 50);
            Assert.True(f.Evaluated);
            Assert.False(f.Triggered);
        }
    }
}
