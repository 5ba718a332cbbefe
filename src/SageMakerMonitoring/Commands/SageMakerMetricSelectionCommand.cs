using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
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
        public string TrainingJobName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProcessingJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        public string ProcessingJobName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TransformJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        public string TransformJobName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        public string EndpointName { get; set; } = "";

        [Parameter(ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? VariantName { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = InferenceComponentSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string InferenceComponentName { get; set; } = "";

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
                case ProcessingJobSet: return MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.ProcessingJob, ProcessingJobName));
                case TransformJobSet: return MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TransformJob, TransformJobName));
                case EndpointSet: return MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.Endpoint, EndpointName, VariantName));
                case InferenceComponentSet: return MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.InferenceComponent, InferenceComponentName));
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
                default: return MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, TrainingJobName));
            }
        }

        /// <summary>Whether -Dimension becomes ListMetrics filters (at most 10): when no -MetricName names the metrics.</summary>
        protected virtual bool DimensionsListedAsFilters => MetricName is null || MetricName.Length == 0;

        private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

        /// <summary>The current resource name, as the error target.</summary>
        protected object Target => ParameterSetName switch
        {
            ProcessingJobSet => ProcessingJobName,
            TransformJobSet => TransformJobName,
            EndpointSet => EndpointName,
            InferenceComponentSet => InferenceComponentName,
            NamespaceSet => Namespace,
            MetricSet => _pipedSelection?.ResourceName ?? "",
            _ => TrainingJobName,
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
