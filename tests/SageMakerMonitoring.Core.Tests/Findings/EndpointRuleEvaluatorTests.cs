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

        private static UtilizationStatistics Cpu(double p95) => new UtilizationStatistics { Host = "AllTraffic", MetricName = "CPUUtilization", P95 = p95 };

        [Theory]
        [InlineData(19.9, true)]
        [InlineData(20.0, false)]
        [InlineData(20.1, false)]
        public void LowUtilizationAtItsThreshold(double p95, bool triggered)
        {
            var f = EndpointRuleEvaluator.LowUtilization("ep", new EndpointRuleInput("AllTraffic"), new[] { Cpu(p95) }, null, P);
            Assert.Equal(triggered, f.Triggered);
            Assert.True(f.Evaluated);
        }

        [Fact]
        public void LowUtilizationNeedsDataItCanNormalise()
        {
            var f = EndpointRuleEvaluator.LowUtilization("ep", new EndpointRuleInput("AllTraffic"), Array.Empty<UtilizationStatistics>(), "pass -InstanceType", P);
            Assert.False(f.Evaluated);
            Assert.Contains("-InstanceType", f.Evidence);
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
