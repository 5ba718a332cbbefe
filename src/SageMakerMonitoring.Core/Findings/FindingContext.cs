namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>What a host's rules need to know about where their data came from.</summary>
    public sealed class FindingContext
    {
        public string ResourceName { get; set; } = "";
        /// <summary>CloudWatch or Debugger.</summary>
        public string Source { get; set; } = "CloudWatch";
        /// <summary>True for Debugger data (a value per GPU and per core).</summary>
        public bool PerDevice { get; set; }
        /// <summary>GPUs of the instance type (0 when unknown or none).</summary>
        public int GpuCount { get; set; }
        /// <summary>Why GPU rules cannot run (no GPUs, unknown instance type), or null.</summary>
        public string? GpuUnavailableReason { get; set; }
    }
}
