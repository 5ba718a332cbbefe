using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Copies CloudWatch metrics of SageMaker resources into a partitioned archive (a folder or an S3 prefix),
    /// incrementally from a checkpoint, safe to kill and to overlap. Made for schedulers: never prompts, writes one
    /// summary, and reports failures as errors.
    /// <para type="synopsis">Archives fine-grained SageMaker metrics to a folder or S3 before CloudWatch drops them.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "SageMakerMetric", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(ArchiveExportSummary))]
    public sealed class ExportSageMakerMetricCommand : SageMakerMonitoringCmdlet
    {
        // The resource parameter sets follow Get-SageMakerMetric's names and binding.
        private const string TrainingJobSet = "TrainingJob";
        private const string ProcessingJobSet = "ProcessingJob";
        private const string TransformJobSet = "TransformJob";
        private const string EndpointSet = "Endpoint";
        private const string InferenceComponentSet = "InferenceComponent";
        private const string NamespaceSet = "Namespace";
        private const string AllSet = "All";

        private readonly List<MetricSelection> _selections = new List<MetricSelection>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TrainingJobSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] TrainingJobName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProcessingJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ProcessingJobName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TransformJobSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] TransformJobName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] EndpointName { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? VariantName { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = InferenceComponentSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] InferenceComponentName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = NamespaceSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Namespace { get; set; } = "";

        [Parameter(ParameterSetName = NamespaceSet, ValueFromPipelineByPropertyName = true)]
        public Hashtable? Dimension { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? MetricName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Statistic { get; set; }

        [Parameter]
        public ArchiveFormat Format { get; set; } = ArchiveFormat.JsonLines;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string SettleDelay { get; set; } = "5m";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Since { get; set; } = "3h";

        [Parameter]
        public DateTime? EndTime { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string LockTimeout { get; set; } = "30s";

        protected override void ProcessRecord()
        {
            try
            {
                switch (ParameterSetName)
                {
                    case AllSet: break;
                    case ProcessingJobSet: Add(SageMakerResourceType.ProcessingJob, ProcessingJobName); break;
                    case TransformJobSet: Add(SageMakerResourceType.TransformJob, TransformJobName); break;
                    case EndpointSet: Add(SageMakerResourceType.Endpoint, EndpointName, VariantName); break;
                    case InferenceComponentSet: Add(SageMakerResourceType.InferenceComponent, InferenceComponentName); break;
                    case NamespaceSet: _selections.Add(MetricSelection.ForNamespace(Namespace, Dimensions())); break;
                    default: Add(SageMakerResourceType.TrainingJob, TrainingJobName); break;
                }
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void EndProcessing()
        {
            var options = new ArchiveExportOptions
            {
                All = All.IsPresent,
                Selections = _selections,
                MetricNames = MetricName,
                Statistics = Statistic,
                Format = Format,
                EndTime = EndTime,
            };
            try
            {
                options.SettleDelay = ParseSpan(SettleDelay, nameof(SettleDelay), allowZero: true);
                options.InitialLookBack = ParseSpan(Since, nameof(Since), allowZero: false);
                options.LockTimeout = ParseSpan(LockTimeout, nameof(LockTimeout), allowZero: true);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, null));
            }
            if (!options.All && _selections.Count == 0) return;

            IArchiveDestination destination;
            if (Path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            {
                var s3 = S3ArchiveDestination.ParseUrl(Path);
                if (s3 is null)
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{Path}' is not an S3 location. Use s3://bucket/prefix."), "InvalidArchivePath", ErrorCategory.InvalidArgument, Path));
                    return;
                }
                destination = new S3ArchiveDestination(Clients.CreateObjectStore(), s3.Value.Bucket, s3.Value.Prefix);
            }
            else
            {
                destination = new LocalArchiveDestination(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path));
            }

            var cloudWatch = Clients.CreateCloudWatch();
            var sageMaker = Clients.CreateSageMaker();
            Run(async (output, ct) =>
            {
                var summary = await new ArchiveExporter(cloudWatch, sageMaker, destination, output).ExportAsync(options, ct).ConfigureAwait(false);
                output.WriteObject(summary);
            }, destination.Location);
        }

        private void Add(SageMakerResourceType type, IEnumerable<string> names, string? variant = null)
        {
            foreach (var name in names) _selections.Add(MetricSelection.ForResource(SageMakerResource.Create(type, name, variant)));
        }

        private List<MetricDimension> Dimensions()
        {
            var dims = new List<MetricDimension>();
            if (Dimension is null) return dims;
            foreach (DictionaryEntry e in Dimension)
            {
                var name = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                var value = e.Value is null ? null : Convert.ToString(e.Value is PSObject ps ? ps.BaseObject : e.Value, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(value)) throw new ArgumentException($"-Dimension needs a name and a value for every entry ('{name}' has none).");
                dims.Add(new MetricDimension(name!, value!));
            }
            return dims;
        }

        /// <summary>"30s", "5m", "3h", "1d", "00:05:00"; "0" where zero is allowed.</summary>
        private static TimeSpan ParseSpan(string text, string parameter, bool allowZero)
        {
            var t = text.Trim();
            if (allowZero && (t == "0" || t == "0s" || t == "00:00:00")) return TimeSpan.Zero;
            if (SinceParser.TryParse(t, out var span)) return span;
            throw new ArgumentException($"-{parameter} '{text}' is not a duration. Use a number with a unit such as 30s, 5m, 3h or 1d, or a TimeSpan such as 00:05:00.");
        }
    }
}
