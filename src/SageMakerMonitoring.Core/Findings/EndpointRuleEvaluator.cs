using System;
using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// The endpoint rules: EndpointLowUtilization (every instance's CPU p95, and GPU p95 where there are GPUs, below
    /// the thresholds: right-size; judged on each period's busiest instance, CloudWatch's Maximum over the variant's
    /// instances divided per device, so one idle instance cannot hide a busy one), EndpointModelLatency (a period's p99 ModelLatency above the threshold),
    /// EndpointErrorRate (Invocation4XXErrors or Invocation5XXErrors over Invocations above its threshold).
    /// </summary>
    public static class EndpointRuleEvaluator
    {
        public static IEnumerable<UtilizationFinding> Evaluate(string endpointName, IReadOnlyList<EndpointRuleInput> variants,
            UtilizationRuleParameters p, IReadOnlyCollection<string> rules)
        {
            var findings = new List<UtilizationFinding>();
            foreach (var variant in variants)
            {
                if (rules.Contains(UtilizationRules.EndpointLowUtilization)) findings.Add(LowUtilization(endpointName, variant, p));
                if (rules.Contains(UtilizationRules.EndpointModelLatency)) findings.Add(Latency(endpointName, variant, p));
                if (rules.Contains(UtilizationRules.EndpointErrorRate)) findings.Add(ErrorRate(endpointName, variant, p));
            }
            return findings;
        }

        private static UtilizationFinding New(string rule, string endpoint, EndpointRuleInput v, UtilizationRuleParameters p) =>
            new UtilizationFinding(rule, endpoint, v.VariantName, null)
            {
                Source = "CloudWatch",
                ParameterValues = p.For(rule),
                Recommendation = UtilizationRules.Recommend(rule),
                UtcWindowStart = v.First,
                UtcWindowEnd = v.Last,
            };

        private static UtilizationFinding NotEvaluated(UtilizationFinding f, string why)
        {
            f.Evaluated = false;
            f.SeverityLevel = FindingSeverity.Unknown;
            f.Recommendation = null;
            f.Evidence = "Not evaluated: " + why + ".";
            return f;
        }

        private static void Verdict(UtilizationFinding f, bool triggered, FindingSeverity severity)
        {
            f.Triggered = triggered;
            f.SeverityLevel = triggered ? severity : FindingSeverity.None;
            if (!triggered) f.Recommendation = null;
        }

        internal static UtilizationFinding LowUtilization(string endpoint, EndpointRuleInput v, UtilizationRuleParameters p)
        {
            var f = New(UtilizationRules.EndpointLowUtilization, endpoint, v, p);
            if (v.CpuPeak.Count == 0) return NotEvaluated(f, v.InstanceUnknownReason ?? "no CPUUtilization data for the variant");
            var cpu95 = v.CpuPeak.Percentiles(95)[0];
            var gpu95 = v.GpuPeak.Count == 0 ? (double?)null : v.GpuPeak.Percentiles(95)[0];
            var low = cpu95 < p.EndpointCpuThresholdP95 && (gpu95 is null || gpu95 < p.EndpointGpuThresholdP95);
            Verdict(f, low, FindingSeverity.Info);
            f.Value = cpu95;
            var on = v.InstanceType is null ? "" : $" on {v.InstanceType}";
            f.Evidence = $"Busiest instance{on}: CPU p95 {HostRuleEvaluator.F(cpu95)} % per vCPU" + (gpu95 is null ? "" : $", GPU p95 {HostRuleEvaluator.F(gpu95)} % per GPU")
                + (low ? $" below {HostRuleEvaluator.F(p.EndpointCpuThresholdP95)} %" : $"; not all below {HostRuleEvaluator.F(p.EndpointCpuThresholdP95)} %")
                + $" over {HostRuleEvaluator.Span(v.First, v.Last)}.";
            return f;
        }

        internal static UtilizationFinding Latency(string endpoint, EndpointRuleInput v, UtilizationRuleParameters p)
        {
            var f = New(UtilizationRules.EndpointModelLatency, endpoint, v, p);
            if (v.LatencyP99.Count == 0) return NotEvaluated(f, "no ModelLatency data for the variant");
            var thresholdUs = p.ModelLatencyP99Threshold * 1000;
            var worst = v.LatencyP99.Max(x => x.Value);
            var above = v.LatencyP99.Where(x => x.Value > thresholdUs).ToList();
            Verdict(f, above.Count > 0, FindingSeverity.Warning);
            f.Value = worst / 1000;
            if (above.Count > 0)
            {
                f.UtcWindowStart = above.Min(x => x.Time);
                f.UtcWindowEnd = above.Max(x => x.Time);
            }
            f.Evidence = $"p99 ModelLatency peaked at {HostRuleEvaluator.F(worst / 1000)} ms; above {HostRuleEvaluator.F(p.ModelLatencyP99Threshold)} ms in {above.Count} of {v.LatencyP99.Count} periods.";
            return f;
        }

        internal static UtilizationFinding ErrorRate(string endpoint, EndpointRuleInput v, UtilizationRuleParameters p)
        {
            var f = New(UtilizationRules.EndpointErrorRate, endpoint, v, p);
            if (v.Invocations <= 0) return NotEvaluated(f, "no invocations in the range");
            var rate4 = 100 * v.Errors4xx / v.Invocations;
            var rate5 = 100 * v.Errors5xx / v.Invocations;
            var t5 = rate5 > p.Error5xxRateThreshold;
            var t4 = rate4 > p.Error4xxRateThreshold;
            Verdict(f, t4 || t5, t5 ? FindingSeverity.Critical : FindingSeverity.Warning);
            f.Value = Math.Max(rate4, rate5);
            f.Evidence = $"5xx {HostRuleEvaluator.F(rate5)} % ({(t5 ? ">" : "≤")} {HostRuleEvaluator.F(p.Error5xxRateThreshold)} %), 4xx {HostRuleEvaluator.F(rate4)} % ({(t4 ? ">" : "≤")} {HostRuleEvaluator.F(p.Error4xxRateThreshold)} %) of {v.Invocations:N0} invocations.";
            return f;
        }
    }
}
