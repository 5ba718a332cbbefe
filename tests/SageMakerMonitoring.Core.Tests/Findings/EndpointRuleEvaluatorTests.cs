using System;
using System.Linq;
using SageMakerMonitoring.Core.Findings;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Findings
{
    public class EndpointRuleEvaluatorTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        private static readonly UtilizationRuleParameters P = new UtilizationRuleParameters();

        /// <summary>A variant whose busiest instance's per-vCPU CPU was <paramref name="peaks"/> in successive periods.</summary>
        private static EndpointRuleInput Peaks(params double[] peaks)
        {
            var v = new EndpointRuleInput("AllTraffic") { InstanceType = "ml.m5.xlarge" };
            foreach (var peak in peaks) v.CpuPeak.Add(peak);
            return v;
        }

        [Theory]
        [InlineData(19.9, true)]
        [InlineData(20.0, false)]
        [InlineData(20.1, false)]
        public void LowUtilizationAtItsThreshold(double p95, bool triggered)
        {
            var f = EndpointRuleEvaluator.LowUtilization("ep", Peaks(p95, p95, p95), P);
            Assert.Equal(triggered, f.Triggered);
            Assert.True(f.Evaluated);
            Assert.Contains("ml.m5.xlarge", f.Evidence);
        }

        [Fact]
        public void LowUtilizationLooksAtThePeaksP95()
        {
            // 20 periods: 18 at 5 %, two at 90 %: the p95 rank 0.95 × 19 = 18.05 falls between the two 90s, so p95 = 90.
            var quiet = Enumerable.Repeat(5.0, 18).Concat(new[] { 90.0, 90.0 }).ToArray();
            Assert.False(EndpointRuleEvaluator.LowUtilization("ep", Peaks(quiet), P).Triggered);
            // 100 periods with one burst: p95 stays at 5 %, the variant is still lightly loaded.
            var burst = Enumerable.Repeat(5.0, 99).Concat(new[] { 90.0 }).ToArray();
            Assert.True(EndpointRuleEvaluator.LowUtilization("ep", Peaks(burst), P).Triggered);
        }

        [Fact]
        public void LowUtilizationNeedsAGpuBelowItsThresholdToo()
        {
            var v = Peaks(5, 5, 5);
            foreach (var g in new[] { 30.0, 30.0, 30.0 }) v.GpuPeak.Add(g);
            Assert.False(EndpointRuleEvaluator.LowUtilization("ep", v, P).Triggered);
            var idle = Peaks(5, 5, 5);
            foreach (var g in new[] { 10.0, 10.0, 10.0 }) idle.GpuPeak.Add(g);
            Assert.True(EndpointRuleEvaluator.LowUtilization("ep", idle, P).Triggered);
        }

        [Fact]
        public void LowUtilizationNeedsDataItCanNormalise()
        {
            var f = EndpointRuleEvaluator.LowUtilization("ep", new EndpointRuleInput("AllTraffic") { InstanceUnknownReason = "variant 'AllTraffic' is serverless" }, P);
            Assert.False(f.Evaluated);
            Assert.Equal("Not evaluated: variant 'AllTraffic' is serverless.", f.Evidence);
        }

        [Theory]
        [InlineData(999_900, false)]
        [InlineData(1_000_000, false)]
        [InlineData(1_000_100, true)]
        public void ModelLatencyP99AtItsThreshold(double microseconds, bool triggered)
        {
            var v = new EndpointRuleInput("AllTraffic");
            v.LatencyP99.Add((T0, 200_000));
            v.LatencyP99.Add((T0.AddMinutes(1), microseconds));
            var f = EndpointRuleEvaluator.Latency("ep", v, P);
            Assert.Equal(triggered, f.Triggered);
            Assert.Equal(microseconds / 1000, f.Value!.Value, 6);
        }

        [Theory]
        [InlineData(10, 0, false, FindingSeverity.None)]     // 1.0 % 5xx is not above 1 %
        [InlineData(11, 0, true, FindingSeverity.Critical)]  // 1.1 %
        [InlineData(0, 50, false, FindingSeverity.None)]     // 5.0 % 4xx is not above 5 %
        [InlineData(0, 51, true, FindingSeverity.Warning)]   // 5.1 %
        public void ErrorRateAtItsThresholds(double errors5xx, double errors4xx, bool triggered, FindingSeverity severity)
        {
            var v = new EndpointRuleInput("AllTraffic") { Invocations = 1000, Errors5xx = errors5xx, Errors4xx = errors4xx };
            var f = EndpointRuleEvaluator.ErrorRate("ep", v, P);
            Assert.Equal(triggered, f.Triggered);
            Assert.Equal(severity, f.SeverityLevel);
            Assert.Equal(severity.ToString(), f.Severity);
        }

        [Fact]
        public void NoInvocationsIsNotEvaluated()
        {
            Assert.False(EndpointRuleEvaluator.ErrorRate("ep", new EndpointRuleInput("v"), P).Evaluated);
        }
    }
}
