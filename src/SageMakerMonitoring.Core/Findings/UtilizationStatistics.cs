namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>One host × metric (× device) of Measure-SageMakerUtilization: per-device values (a GPU's own 0–100 %,
    /// a vCPU's own 0–100 %), whatever the source summed — Debugger's "system usage statistics".</summary>
    public sealed class UtilizationStatistics
    {
        public string ResourceName { get; internal set; } = "";
        public string? Region => Scope?.Region;
        public string? Account => Scope?.Account;
        internal Output.ResourceScope? Scope { get; set; }
        public string Host { get; internal set; } = "";
        /// <summary>gpu0, cpu3 with Debugger data; null for CloudWatch (the host's per-device average).</summary>
        public string? Device { get; internal set; }
        public string MetricName { get; internal set; } = "";
        public double Min { get; internal set; }
        public double P5 { get; internal set; }
        public double P50 { get; internal set; }
        public double P95 { get; internal set; }
        public double P99 { get; internal set; }
        public double Max { get; internal set; }
        public string Unit { get; internal set; } = "Percent";
        public long SampleCount { get; internal set; }
        public string? InstanceType { get; internal set; }
        /// <summary>Devices the metric covers on this host (GPUs, vCPUs; 1 for memory and disk); null when the instance type is unknown.</summary>
        public int? DeviceCount { get; internal set; }
        public string Source { get; internal set; } = "";

        public override string ToString() => $"{Host}{(Device is null ? "" : "/" + Device)} {MetricName} p50 {P50:0.0} p95 {P95:0.0} max {Max:0.0} ({SampleCount})";
    }
}
