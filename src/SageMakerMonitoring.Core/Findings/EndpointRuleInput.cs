using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>What the endpoint rules need of one variant, gathered while its CloudWatch series stream in.</summary>
    public sealed class EndpointRuleInput
    {
        public EndpointRuleInput(string variantName) => VariantName = variantName;

        public string VariantName { get; }
        /// <summary>Per-period p99 ModelLatency in microseconds.</summary>
        public List<(DateTime Time, double Value)> LatencyP99 { get; } = new List<(DateTime, double)>();
        /// <summary>Per-period Maximum of CPUUtilization over the variant's instances (its busiest instance), per vCPU.</summary>
        public StatisticsAccumulator CpuPeak { get; } = new StatisticsAccumulator();
        /// <summary>Per-period Maximum of GPUUtilization over the variant's instances, per GPU.</summary>
        public StatisticsAccumulator GpuPeak { get; } = new StatisticsAccumulator();
        /// <summary>The variant's instance type (null when unknown) and, when unknown, why.</summary>
        public string? InstanceType { get; set; }
        public string? InstanceUnknownReason { get; set; }
        public double Invocations { get; set; }
        public double Errors4xx { get; set; }
        public double Errors5xx { get; set; }
        public DateTime? First { get; set; }
        public DateTime? Last { get; set; }

        public void Seen(DateTime t)
        {
            if (First is null || t < First) First = t;
            if (Last is null || t > Last) Last = t;
        }
    }
}
