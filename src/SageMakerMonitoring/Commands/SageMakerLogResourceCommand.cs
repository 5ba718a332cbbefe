using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Output;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// What the log cmdlets share: one parameter set per SageMaker resource type (plus an explicit log group), the
    /// narrowing parameters, and turning them into a <see cref="LogLocation"/> and a <see cref="LogStreamSelector"/>.
    /// Log streams piped in (Get-SageMakerLogStream's output) bind to <c>-LogStream</c> by type; they are gathered and
    /// read in EndProcessing, one batch per log group, so the events of several streams merge in time order.
    /// </summary>
    public abstract class SageMakerLogResourceCommand : SageMakerMonitoringCmdlet
    {
        protected const string TrainingJobSet = "TrainingJob";
        protected const string ProcessingJobSet = "ProcessingJob";
        protected const string TransformJobSet = "TransformJob";
        protected const string EndpointSet = "Endpoint";
        protected const string NotebookInstanceSet = "NotebookInstance";
        protected const string StudioAppSet = "StudioApp";
        protected const string LabelingJobSet = "LabelingJob";
        protected const string InferenceRecommendationsJobSet = "InferenceRecommendationsJob";
        protected const string LogGroupSet = "LogGroup";
        protected const string LogStreamSet = "LogStream";

        private readonly List<Core.Logs.LogStream> _pipedStreams = new List<Core.Logs.LogStream>();
        private LogStreamBatch? _batch;

        /// <summary>Log streams (Get-SageMakerLogStream's output): exactly these streams are read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LogStreamSet, ValueFromPipeline = true)]
        [Alias("InputObject")]
        [ValidateNotNullOrEmpty]
        public Core.Logs.LogStream[]? LogStream { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TrainingJobSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogResourceNameCompleter))]
        [SupportsWildcards]
        public string[]? TrainingJobName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ProcessingJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogResourceNameCompleter))]
        [SupportsWildcards]
        public string[]? ProcessingJobName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TransformJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogResourceNameCompleter))]
        [SupportsWildcards]
        public string[]? TransformJobName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogResourceNameCompleter))]
        [SupportsWildcards]
        public string[]? EndpointName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NotebookInstanceSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogResourceNameCompleter))]
        public string? NotebookInstanceName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = StudioAppSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DomainId { get; set; }

        [Parameter(ParameterSetName = StudioAppSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? UserProfileName { get; set; }

        [Parameter(ParameterSetName = StudioAppSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SpaceName { get; set; }

        [Parameter(ParameterSetName = StudioAppSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? AppType { get; set; }

        [Parameter(ParameterSetName = StudioAppSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? AppName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LabelingJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? LabelingJobName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = InferenceRecommendationsJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? InferenceRecommendationsJobName { get; set; }

        /// <summary>Jobs created after this time only (applies to plain names too).</summary>
        [Parameter(ParameterSetName = TrainingJobSet)]
        [Parameter(ParameterSetName = ProcessingJobSet)]
        [Parameter(ParameterSetName = TransformJobSet)]
        [Binding.UtcDateTime]
        public DateTime? CreatedAfter { get; set; }

        /// <summary>Jobs in one of these statuses only (applies to plain names too).</summary>
        [Parameter(ParameterSetName = TrainingJobSet)]
        [Parameter(ParameterSetName = ProcessingJobSet)]
        [Parameter(ParameterSetName = TransformJobSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.JobStatusCompleter))]
        public string[]? Status { get; set; }

        /// <summary>How many resources are read at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Core.Infrastructure.FanOutRunner.DefaultThrottleLimit;

        /// <summary>Narrowing by host (<c>algo-2</c>, an instance id, or <c>job/algo-2</c>); wildcards allowed.</summary>
        [Parameter]
        [Alias("Host")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogStreamPartCompleter))]
        public string[]? HostName { get; set; }

        [Parameter(ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogStreamPartCompleter))]
        public string[]? VariantName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogStreamPartCompleter))]
        public string[]? ContainerName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogStreamPartCompleter))]
        public string[]? LifecycleConfigHook { get; set; }

        /// <summary>The resource named by the bound parameter set.</summary>
        protected SageMakerResource Resource()
        {
            switch (ParameterSetName)
            {
                case NotebookInstanceSet: return SageMakerResource.Create(SageMakerResourceType.NotebookInstance, NotebookInstanceName!);
                case StudioAppSet: return SageMakerResource.Create(SageMakerResourceType.StudioApp, StudioPath());
                case LabelingJobSet: return SageMakerResource.Create(SageMakerResourceType.LabelingJob, LabelingJobName!);
                case InferenceRecommendationsJobSet: return SageMakerResource.Create(SageMakerResourceType.InferenceRecommendationsJob, InferenceRecommendationsJobName!);
                case LogStreamSet: return SageMakerResource.Create(SageMakerResourceType.Custom, CurrentBatch.LogGroupName);
                default: return SageMakerResource.Create(SageMakerResourceType.Custom, FirstLogGroupName());
            }
        }

        /// <summary>The jobs or endpoints the bound names, patterns and filters select; null in the other sets.</summary>
        protected ResourceSelection? ResourceSelection()
        {
            ResourceSelection Of(SageMakerResourceType type, string[]? names, string? variant = null) => new ResourceSelection(type, names ?? Array.Empty<string>())
            {
                VariantName = variant,
                CreatedAfter = CreatedAfter,
                Statuses = Status ?? Array.Empty<string>(),
            };
            switch (ParameterSetName)
            {
                case TrainingJobSet: return Of(SageMakerResourceType.TrainingJob, TrainingJobName);
                case ProcessingJobSet: return Of(SageMakerResourceType.ProcessingJob, ProcessingJobName);
                case TransformJobSet: return Of(SageMakerResourceType.TransformJob, TransformJobName);
                case EndpointSet:
                    // One plain variant name narrows on the service (stream prefix); several or wildcards narrow by parsing.
                    var single = VariantName != null && VariantName.Length == 1 && !WildcardPattern.ContainsWildcardCharacters(VariantName[0]) ? VariantName[0] : null;
                    return Of(SageMakerResourceType.Endpoint, EndpointName, single);
                default: return null;
            }
        }

        /// <summary>
        /// Runs <paramref name="work"/> for each resource: every job or endpoint the names and patterns select (see
        /// <see cref="SageMakerMonitoringCmdlet.RunForEachResource"/>), or the one resource of the other sets (a resource
        /// that cannot be built is that record's error).
        /// </summary>
        protected void RunForEachLogResource(Func<SageMakerResource, ResourceWork, CmdletOutput, CancellationToken, Task> work, int? throttleLimit = null)
        {
            var selection = ResourceSelection();
            if (selection != null)
            {
                RunForEachResource(selection, throttleLimit ?? ThrottleLimit, c => c.CreateCloudWatchLogs(), (w, output, ct) => work(w.Resource!, w, output, ct));
                return;
            }
            SageMakerResource resource;
            try
            {
                resource = Resource();
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                WriteItemError(ex, NotebookInstanceName ?? DomainId ?? LabelingJobName ?? InferenceRecommendationsJobName);
                return;
            }
            var clients = Clients;
            clients.CreateCloudWatchLogs();
            clients.CreateSageMaker();
            var scope = new FleetScope(clients.Region, clients);
            Run(async (output, ct) => await work(resource, new ResourceWork(resource, scope.OutputScope(null), clients), output, ct)
                .ConfigureAwait(false), resource.Name);
        }

        /// <summary>For the explicit log group set: the (first) group name.</summary>
        protected abstract string FirstLogGroupName();

        /// <summary>For the explicit log group set: a stream-name prefix, if the cmdlet takes one.</summary>
        protected virtual string? LogStreamPrefix => null;

        protected LogLocation Location(SageMakerResource resource)
        {
            if (ParameterSetName == LogStreamSet) return CurrentBatch.Location;
            var location = LogLocationCatalog.For(resource);
            if (resource.Type == SageMakerResourceType.Custom && !string.IsNullOrEmpty(LogStreamPrefix))
                location = location with { LogStreamNamePrefix = LogStreamPrefix };
            return location;
        }

        protected LogStreamSelector Selector(SageMakerResource resource) => ParameterSetName == LogStreamSet ? CurrentBatch.Selector : new LogStreamSelector
        {
            Hosts = HostName ?? Array.Empty<string>(),
            VariantNames = resource.VariantName != null ? Array.Empty<string>() : VariantName ?? Array.Empty<string>(),
            ContainerNames = ContainerName ?? Array.Empty<string>(),
            LifecycleConfigHooks = LifecycleConfigHook ?? Array.Empty<string>(),
        };

        /// <summary>
        /// In the log stream set, keeps this record's streams for <see cref="ReadPipedStreams"/> and returns true
        /// (nothing to read yet); false otherwise, and while a batch is being read.
        /// </summary>
        protected bool DeferPipedStreams()
        {
            if (ParameterSetName != LogStreamSet || _batch != null) return false;
            if (LogStream != null) _pipedStreams.AddRange(LogStream.Where(s => s != null));
            return true;
        }

        /// <summary>Runs <paramref name="read"/> once per log group of the gathered streams (EndProcessing).</summary>
        protected void ReadPipedStreams(Action read)
        {
            if (ParameterSetName != LogStreamSet) return;
            foreach (var batch in LogStreamBatch.Group(_pipedStreams))
            {
                _batch = batch;
                try
                {
                    StreamsStartAt(batch.Earliest);
                    read();
                }
                finally
                {
                    _batch = null;
                }
            }
        }

        /// <summary>Where a read of piped streams starts when the user gave no start: the streams' own first data.</summary>
        protected virtual void StreamsStartAt(DateTime? earliest)
        {
        }

        private LogStreamBatch CurrentBatch => _batch ?? throw new InvalidOperationException("No log stream batch is being read.");

        private string StudioPath()
        {
            if (UserProfileName != null && SpaceName != null)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("Give either -UserProfileName or -SpaceName, not both."), "InvalidArgument", ErrorCategory.InvalidArgument, SpaceName));
            var owner = UserProfileName ?? SpaceName;
            var parts = new List<string> { DomainId!.Trim() };
            if (owner != null) parts.Add(owner);
            if (AppType != null)
            {
                if (owner is null) ThrowTerminatingError(new ErrorRecord(new ArgumentException("-AppType needs -UserProfileName or -SpaceName."), "InvalidArgument", ErrorCategory.InvalidArgument, AppType));
                parts.Add(AppType);
                if (AppName != null) parts.Add(AppName);
            }
            else if (AppName != null)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-AppName needs -AppType."), "InvalidArgument", ErrorCategory.InvalidArgument, AppName));
            }
            return string.Join("/", parts);
        }
    }
}
