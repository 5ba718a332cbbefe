using System;
using System.Management.Automation;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Resources;
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
        [SupportsWildcards]
        public string[] TrainingJobName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] EndpointName { get; set; } = Array.Empty<string>();

        /// <summary>Jobs created after this time only (applies to plain names too).</summary>
        [Parameter(ParameterSetName = TrainingJobSet)]
        [Binding.UtcDateTime]
        public DateTime? CreatedAfter { get; set; }

        /// <summary>Jobs in one of these statuses only (applies to plain names too).</summary>
        [Parameter(ParameterSetName = TrainingJobSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.JobStatusCompleter))]
        public string[]? Status { get; set; }

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

        protected object Target => string.Join(", ", ParameterSetName == EndpointSet ? EndpointName : TrainingJobName);

        /// <summary>The training jobs or endpoints the bound names, patterns and filters select.</summary>
        protected ResourceSelection ResourceSelection() => ParameterSetName == EndpointSet
            ? new ResourceSelection(SageMakerResourceType.Endpoint, EndpointName)
            : new ResourceSelection(SageMakerResourceType.TrainingJob, TrainingJobName) { CreatedAfter = CreatedAfter, Statuses = Status ?? Array.Empty<string>() };

        /// <summary>Builds the request of each selected resource (the time range and rule parameters are the call's);
        /// the arguments are read here, on the pipeline thread.</summary>
        protected Func<SageMakerResource, UtilizationRequest> RequestFactory(UtilizationRuleParameters? parameters = null)
        {
            var instanceType = InstanceType;
            var source = ParameterSetName == EndpointSet ? MetricSource.CloudWatch : Source;
            var startTime = StartTime;
            var endTime = EndTime;
            var since = ParseOptionalDuration(Since, nameof(Since), allowPointInTime: true);
            var rules = parameters ?? new UtilizationRuleParameters();
            return resource => new UtilizationRequest
            {
                TrainingJobName = resource.Type == SageMakerResourceType.TrainingJob ? resource.Name : null,
                EndpointName = resource.Type == SageMakerResourceType.Endpoint ? resource.Name : null,
                InstanceType = instanceType,
                Source = source,
                StartTime = startTime,
                EndTime = endTime,
                Since = since,
                Parameters = rules,
            };
        }

    }
}
