using System;
using System.Management.Automation;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Commands
{
    /// <summary>What the utilization cmdlets share: a training job or an endpoint (names bind from the pipeline by
    /// property name), the source, and the time range.</summary>
    public abstract class SageMakerUtilizationCommand : SageMakerMonitoringCmdlet
    {
        protected const string TrainingJobSet = "TrainingJob";
        protected const string EndpointSet = "Endpoint";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TrainingJobSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string TrainingJobName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EndpointName { get; set; } = "";

        [Parameter(ParameterSetName = EndpointSet)]
        [ValidateNotNullOrEmpty]
        public string? InstanceType { get; set; }

        [Parameter(ParameterSetName = TrainingJobSet)]
        public MetricSource Source { get; set; } = MetricSource.Auto;

        [Parameter]
        public DateTime? StartTime { get; set; }

        [Parameter]
        public DateTime? EndTime { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Since { get; set; }

        protected object Target => ParameterSetName == EndpointSet ? EndpointName : TrainingJobName;

        protected UtilizationRequest BuildRequest(UtilizationRuleParameters? parameters = null) => new UtilizationRequest
        {
            TrainingJobName = ParameterSetName == TrainingJobSet ? TrainingJobName : null,
            EndpointName = ParameterSetName == EndpointSet ? EndpointName : null,
            InstanceType = InstanceType,
            Source = ParameterSetName == EndpointSet ? MetricSource.CloudWatch : Source,
            StartTime = StartTime,
            EndTime = EndTime,
            Since = ParseOptionalDuration(Since, nameof(Since), allowPointInTime: true),
            Parameters = parameters ?? new UtilizationRuleParameters(),
        };

    }
}
