using System;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>What Measure-SageMakerUtilization, Get-SageMakerUtilizationFinding and Export-SageMakerReport ask for.</summary>
    public sealed class UtilizationRequest
    {
        /// <summary>Set exactly one of TrainingJobName and EndpointName.</summary>
        public string? TrainingJobName { get; set; }
        public string? EndpointName { get; set; }
        /// <summary>Endpoints: one instance type for every variant, instead of those the endpoint configuration names (DescribeEndpointConfig).</summary>
        public string? InstanceType { get; set; }
        /// <summary>Training jobs. Auto: Debugger system data where the job has it, else CloudWatch.</summary>
        public MetricSource Source { get; set; } = MetricSource.Auto;
        public DateTime? StartTime { get; set; }
        public DateTime? EndTime { get; set; }
        public TimeSpan? Since { get; set; }
        public UtilizationRuleParameters Parameters { get; set; } = new UtilizationRuleParameters();
    }
}
