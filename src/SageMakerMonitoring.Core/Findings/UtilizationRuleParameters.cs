using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>Every threshold of the rules, defaulting to Debugger's published defaults (the module's own for endpoints).</summary>
    public sealed class UtilizationRuleParameters
    {
        // LowGPUUtilization
        public double LowGpuThresholdP95 { get; set; } = 70;
        public double LowGpuThresholdP5 { get; set; } = 10;
        /// <summary>Samples per window (LowGPUUtilization, BatchSize).</summary>
        public int Window { get; set; } = 500;
        /// <summary>Samples to see before a rule evaluates.</summary>
        public int Patience { get; set; } = 1000;
        // CPUBottleneck / IOBottleneck
        /// <summary>Percent of snapshots that must be bottlenecked.</summary>
        public double BottleneckThreshold { get; set; } = 50;
        public double BottleneckGpuThreshold { get; set; } = 10;
        public double CpuThreshold { get; set; } = 90;
        public double IoThreshold { get; set; } = 50;
        // BatchSize
        public double BatchCpuThresholdP95 { get; set; } = 70;
        public double BatchGpuThresholdP95 { get; set; } = 70;
        public double BatchGpuMemoryThresholdP95 { get; set; } = 70;
        // GPUMemoryIncrease
        public double MemoryIncrease { get; set; } = 5;
        public int MemoryWindow { get; set; } = 10;
        // LoadBalancing
        public double LoadBalancingThreshold { get; set; } = 0.5;
        // Endpoints
        public double EndpointCpuThresholdP95 { get; set; } = 20;
        public double EndpointGpuThresholdP95 { get; set; } = 20;
        /// <summary>Milliseconds.</summary>
        public double ModelLatencyP99Threshold { get; set; } = 1000;
        /// <summary>Percent of invocations.</summary>
        public double Error4xxRateThreshold { get; set; } = 5;
        /// <summary>Percent of invocations.</summary>
        public double Error5xxRateThreshold { get; set; } = 1;

        internal IReadOnlyDictionary<string, double> For(string rule) => rule switch
        {
            UtilizationRules.LowGPUUtilization => new Dictionary<string, double> { ["ThresholdP95"] = LowGpuThresholdP95, ["ThresholdP5"] = LowGpuThresholdP5, ["Window"] = Window, ["Patience"] = Patience },
            UtilizationRules.CPUBottleneck => new Dictionary<string, double> { ["Threshold"] = BottleneckThreshold, ["GpuThreshold"] = BottleneckGpuThreshold, ["CpuThreshold"] = CpuThreshold, ["Patience"] = Patience },
            UtilizationRules.IOBottleneck => new Dictionary<string, double> { ["Threshold"] = BottleneckThreshold, ["GpuThreshold"] = BottleneckGpuThreshold, ["IoThreshold"] = IoThreshold, ["Patience"] = Patience },
            UtilizationRules.BatchSize => new Dictionary<string, double> { ["CpuThresholdP95"] = BatchCpuThresholdP95, ["GpuThresholdP95"] = BatchGpuThresholdP95, ["GpuMemoryThresholdP95"] = BatchGpuMemoryThresholdP95, ["Window"] = Window, ["Patience"] = Patience },
            UtilizationRules.GPUMemoryIncrease => new Dictionary<string, double> { ["Increase"] = MemoryIncrease, ["Window"] = MemoryWindow, ["Patience"] = Patience },
            UtilizationRules.LoadBalancing => new Dictionary<string, double> { ["Threshold"] = LoadBalancingThreshold, ["Patience"] = Patience },
            UtilizationRules.EndpointLowUtilization => new Dictionary<string, double> { ["CpuThresholdP95"] = EndpointCpuThresholdP95, ["GpuThresholdP95"] = EndpointGpuThresholdP95 },
            UtilizationRules.EndpointModelLatency => new Dictionary<string, double> { ["LatencyP99ThresholdMs"] = ModelLatencyP99Threshold },
            UtilizationRules.EndpointErrorRate => new Dictionary<string, double> { ["Error4xxRateThreshold"] = Error4xxRateThreshold, ["Error5xxRateThreshold"] = Error5xxRateThreshold },
            _ => new Dictionary<string, double>(),
        };
    }
}
