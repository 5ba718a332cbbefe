using System;
using System.Collections.Generic;
using System.Management.Automation;
using SageMakerMonitoring.Core.Archive;
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
    public sealed class ExportSageMakerMetricCommand : SageMakerMetricSelectionCommand
    {
        // The resource parameter sets and -MetricName are Get-SageMakerMetric's (SageMakerMetricSelectionCommand); -All is one more.
        private const string AllSet = "All";

        private readonly List<MetricSelection> _selections = new List<MetricSelection>();

        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.StatisticCompleter))]
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
            if (ParameterSetName == AllSet) return;
            try
            {
                // Each pipeline object (or the bound names) adds one resource; the export runs once, in EndProcessing.
                _selections.Add(BuildSelection());
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, Target));
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
                options.SettleDelay = ParseDuration(SettleDelay, nameof(SettleDelay), allowZero: true);
                options.InitialLookBack = ParseDuration(Since, nameof(Since), lookBack: true);
                options.LockTimeout = ParseDuration(LockTimeout, nameof(LockTimeout), allowZero: true);
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
    }
}
