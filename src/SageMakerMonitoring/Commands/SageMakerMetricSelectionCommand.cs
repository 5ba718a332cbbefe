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
using SageMakerMonitoring.Completers;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// What the metric cmdlets share: the resource parameter sets (a job, an endpoint [variant], an inference
    /// component, or a raw namespace and dimensions; names bind from the pipeline by property name) and -MetricName.
    /// Metrics piped in (Find-SageMakerMetric's output) bind to <c>-Metric</c> by type; they are gathered and read in
    /// EndProcessing, one selection per resource, exactly as found (no discovery, no -MetricName).
    /// </summary>
    public abstract class SageMakerMetricSelectionCommand : SageMakerMonitoringCmdlet
    {
        protected const string TrainingJobSet = "TrainingJob";
        protected const string ProcessingJobSet = "ProcessingJob";
        protected const string TransformJobSet = "TransformJob";
        protected const string EndpointSet = "Endpoint";
        protected const string InferenceComponentSet = "InferenceComponent";
        protected const string NamespaceSet = "Namespace";
        protected const string MetricSet = "Metric";

        private readonly List<MetricInfo> _pipedMetrics = new List<MetricInfo>();
        private MetricSelection? _pipedSelection;

        /// <summary>Metrics as Find-SageMakerMetric returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = MetricSet, ValueFromPipeline = true)]
        [Alias("InputObject")]
        [ValidateNotNullOrEmpty]
        public MetricInfo[]? Metric { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TrainingJobSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        [SupportsWildcards]
        public string[] TrainingJobName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProcessingJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        [SupportsWildcards]
        public string[] ProcessingJobName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TransformJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        [SupportsWildcards]
        public string[] TransformJobName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        [SupportsWildcards]
        public string[] EndpointName { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? VariantName { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = InferenceComponentSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] InferenceComponentName { get; set; } = Array.Empty<string>();

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

        [Parameter(Mandatory = true, ParameterSetName = NamespaceSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Namespace { get; set; } = "";

        [Parameter(ParameterSetName = NamespaceSet, ValueFromPipelineByPropertyName = true)]
        public Hashtable? Dimension { get; set; }

        // Every set but Metric: a piped metric already is one metric, and its name must not narrow the others.
        [Parameter(Position = 1, ParameterSetName = TrainingJobSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 1, ParameterSetName = ProcessingJobSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 1, ParameterSetName = TransformJobSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 1, ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 1, ParameterSetName = InferenceComponentSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 1, ParameterSetName = NamespaceSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? MetricName { get; set; }

        /// <summary>The selection the bound parameters describe.</summary>
        protected MetricSelection BuildSelection()
        {
            switch (ParameterSetName)
            {
                case MetricSet: return _pipedSelection ?? throw new InvalidOperationException("No piped metrics are being read.");
                case NamespaceSet:
                {
                    var entries = new List<KeyValuePair<object?, object?>>();
                    if (Dimension != null)
                    {
                        foreach (DictionaryEntry e in Dimension) entries.Add(new KeyValuePair<object?, object?>(Unwrap(e.Key), Unwrap(e.Value)));
                    }
                    IReadOnlyList<MetricDimension> dims = Array.Empty<MetricDimension>();
                    try { dims = MetricDimensionValidator.Validate(entries, DimensionsListedAsFilters); }
                    catch (Core.Infrastructure.MonitoringException e) { ThrowTerminatingError(ErrorRecordFactory.Create(e, e.TargetObject)); }
                    return MetricSelection.ForNamespace(Namespace, dims);
                }
                default: throw new InvalidOperationException("Resources are selected with ResourceSelection().");
            }
        }

        /// <summary>The resources the bound names, patterns and filters select; null in the namespace and metric sets.</summary>
        protected ResourceSelection? ResourceSelection()
        {
            ResourceSelection Of(SageMakerResourceType type, string[] names, string? variant = null) => new ResourceSelection(type, names)
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
                case EndpointSet: return Of(SageMakerResourceType.Endpoint, EndpointName, VariantName);
                case InferenceComponentSet: return Of(SageMakerResourceType.InferenceComponent, InferenceComponentName);
                default: return null;
            }
        }

        /// <summary>
        /// Runs <paramref name="work"/> once per metric selection the bound parameters describe: each resource of the
        /// names and patterns (see <see cref="SageMakerMonitoringCmdlet.RunForEachResource"/>), or the one namespace or
        /// piped-metrics selection.
        /// </summary>
        protected void RunForEachSelection(Action<Core.Aws.IAwsClientFactory> prepare, Func<MetricSelection, ResourceWork, CmdletOutput, CancellationToken, Task> work,
            int? throttleLimit = null)
        {
            var resources = ResourceSelection();
            if (resources is null)
            {
                var selection = BuildSelection();
                RunForEachScope(Target, throttleLimit ?? ThrottleLimit, prepare, (w, output, ct) => work(selection, w, output, ct));
                return;
            }
            RunForEachResource(resources, throttleLimit ?? ThrottleLimit, prepare, (w, output, ct) => work(MetricSelection.ForResource(w.Resource!), w, output, ct));
        }

        /// <summary>Whether -Dimension becomes ListMetrics filters (at most 10): when no -MetricName names the metrics.</summary>
        protected virtual bool DimensionsListedAsFilters => MetricName is null || MetricName.Length == 0;

        private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

        /// <summary>The current resource name, as the error target.</summary>
        protected object Target => ParameterSetName switch
        {
            ProcessingJobSet => string.Join(", ", ProcessingJobName),
            TransformJobSet => string.Join(", ", TransformJobName),
            EndpointSet => string.Join(", ", EndpointName),
            InferenceComponentSet => string.Join(", ", InferenceComponentName),
            NamespaceSet => Namespace,
            MetricSet => _pipedSelection?.ResourceName ?? "",
            _ => string.Join(", ", TrainingJobName),
        };

        /// <summary>
        /// In the metric set, keeps this record's metrics for <see cref="PipedSelections"/> and returns true (nothing
        /// to read yet); false otherwise, and while piped metrics are being read.
        /// </summary>
        protected bool DeferPipedMetrics()
        {
            if (ParameterSetName != MetricSet || _pipedSelection != null) return false;
            if (Metric != null) _pipedMetrics.AddRange(Metric.Where(m => m != null));
            return true;
        }

        /// <summary>The gathered metrics, one selection per resource (empty outside the metric set).</summary>
        protected IReadOnlyList<MetricSelection> PipedSelections() =>
            ParameterSetName == MetricSet ? MetricSelection.ForMetrics(_pipedMetrics) : Array.Empty<MetricSelection>();

        /// <summary>Runs <paramref name="read"/> once per resource of the gathered metrics (EndProcessing).</summary>
        protected void ReadPipedMetrics(Action read)
        {
            foreach (var selection in PipedSelections())
            {
                _pipedSelection = selection;
                try
                {
                    read();
                }
                finally
                {
                    _pipedSelection = null;
                }
            }
        }
    }
}
