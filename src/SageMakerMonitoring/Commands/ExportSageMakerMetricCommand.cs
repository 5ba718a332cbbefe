using System;
using System.Collections.Generic;
using System.Management.Automation;
using SageMakerMonitoring.Core.Output;
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
    [Cmdlet(VerbsData.Export, "SageMakerMetric", DefaultParameterSetName = TrainingJobSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
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
        [Binding.UtcDateTime]
        public DateTime? EndTime { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string LockTimeout { get; set; } = "30s";

        private IArchiveDestination? _destination;

        /// <summary>The destination is checked before any resource is looked up, so a bad -Path fails before any call.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            IArchiveDestination destination;
            try
            {
                if (Path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
                {
                    var (bucket, prefix) = S3ArchiveDestination.ParseAndValidateUrl(Path);
                    destination = new S3ArchiveDestination(Clients.CreateObjectStore(), bucket, prefix);
                }
                else
                {
                    LocalArchiveDestination.ValidatePath(Path);
                    string resolved;
                    try
                    {
                        resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                    }
                    catch (Exception ex) when (!(ex is PipelineStoppedException))
                    {
                        throw ArchiveErrors.InvalidPath(Path, ex.Message.TrimEnd('.'));
                    }
                    destination = LocalArchiveDestination.Open(resolved);
                }
            }
            catch (Core.Infrastructure.MonitoringException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, Path));
                return;
            }

            _destination = destination;
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == AllSet || DeferPipedMetrics()) return;
            // Each pipeline object (or the bound names and patterns) adds its resources; the export runs once, in EndProcessing.
            // A name neither CloudWatch nor SageMaker knows is a <Kind>NotFound error for that name, not an empty archive.
            // One Region and profile: the archive is one destination (several Regions each need their own run here).
            var resolver = new MetricSeriesResolver(Clients.CreateCloudWatch(), Clients.CreateSageMaker());
            var found = new List<MetricSelection>();
            RunForEachSelection(c => { }, async (selection, w, output, ct) =>
            {
                await resolver.EnsureKnownAsync(selection, ct).ConfigureAwait(false);
                lock (found) found.Add(selection);
            }, 1);
            _selections.AddRange(found);
        }

        protected override void EndProcessing()
        {
            _selections.AddRange(PipedSelections());
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

            var destination = _destination!;

            var cloudWatch = Clients.CreateCloudWatch();
            var sageMaker = Clients.CreateSageMaker();
            const string action = "Export SageMaker metrics";
            if (WhatIfOrConfirm())
            {
                // Say what would be exported: find the series and plan the span (reads only: no lock, no folder, no write).
                var preview = Run((output, ct) => new ArchiveExporter(cloudWatch, sageMaker, destination, output).PreviewAsync(options, ct), destination.Location);
                if (!ShouldProcess(destination.Location, preview.Describe())) return;
            }
            else if (!ShouldProcess(destination.Location, action))
            {
                return;
            }
            var scope = new Core.Resources.FleetScope(Clients.Region, Clients);
            Clients.CreateCallerIdentity();
            Run(async (output, ct) =>
            {
                var summary = await new ArchiveExporter(cloudWatch, sageMaker, destination, output).ExportAsync(options, ct).ConfigureAwait(false);
                ResourceScopeStamp.Apply(summary, await scope.OutputScopeAsync(null, ct).ConfigureAwait(false));
                output.WriteObject(summary);
            }, destination.Location);
        }

        private bool WhatIfOrConfirm() =>
            MyInvocation.BoundParameters.ContainsKey("WhatIf") && ((SwitchParameter)MyInvocation.BoundParameters["WhatIf"]).IsPresent
            || MyInvocation.BoundParameters.ContainsKey("Confirm") && ((SwitchParameter)MyInvocation.BoundParameters["Confirm"]).IsPresent
            || SessionState.PSVariable.GetValue("WhatIfPreference") is SwitchParameter w && w.IsPresent
            || SessionState.PSVariable.GetValue("WhatIfPreference") is bool b && b;
    }
}
