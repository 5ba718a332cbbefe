using System;
using System.Linq;
using System.Collections.Generic;
using System.Management.Automation;
using SageMakerMonitoring.Core.Output;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Infrastructure;
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

            // -All reads every -Region (one account: an archive holds one account's series); named resources are
            // checked in one Region, so they are read in that one. With several Regions, new series go under region=….
            if (All.IsPresent && ProfileName != null && ProfileName.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(new MonitoringException("OneRegionAndProfileOnly", ErrorKind.InvalidArgument,
                    "An archive holds the series of one account: Export-SageMakerMetric takes one -ProfileName.", string.Join(",", ProfileName))
                {
                    RecommendedAction = "Export each profile to its own -Path.",
                }, string.Join(",", ProfileName)));
            }
            var scopes = All.IsPresent ? ClientScopes() : new[] { new FleetScope(Clients.Region, Clients) };
            foreach (var scope in scopes)
            {
                scope.Clients.CreateCloudWatch();
                scope.Clients.CreateSageMaker();
                scope.Clients.CreateCallerIdentity();
            }
            ArchiveExportOptions For(FleetScope scope)
            {
                var scoped = new ArchiveExportOptions
                {
                    All = options.All,
                    Selections = options.Selections,
                    MetricNames = options.MetricNames,
                    Statistics = options.Statistics,
                    Format = options.Format,
                    EndTime = options.EndTime,
                    SettleDelay = options.SettleDelay,
                    InitialLookBack = options.InitialLookBack,
                    LockTimeout = options.LockTimeout,
                    Region = scope.Clients.Region,
                    RegionPartition = scopes.Count > 1,
                };
                return scoped;
            }
            ArchiveExporter Exporter(FleetScope scope, CmdletOutput output) =>
                new ArchiveExporter(scope.Clients.CreateCloudWatch(), scope.Clients.CreateSageMaker(), destination, output);

            const string action = "Export SageMaker metrics";
            var approved = new List<FleetScope>();
            foreach (var scope in scopes)
            {
                var target = scopes.Count > 1 ? $"{destination.Location} (region={scope.Clients.Region})" : destination.Location;
                if (WhatIfOrConfirm())
                {
                    // Say what would be exported: find the series and plan the span (reads only: no lock, no folder, no write).
                    var preview = Run((output, ct) => Exporter(scope, output).PreviewAsync(For(scope), ct), destination.Location);
                    if (ShouldProcess(target, preview.Describe())) approved.Add(scope);
                }
                else if (ShouldProcess(target, action))
                {
                    approved.Add(scope);
                }
            }
            if (approved.Count == 0) return;
            // One Region after the other (the archive has one lock); a Region that fails is its own error when there are several.
            Run(async (output, ct) =>
            {
                foreach (var scope in approved)
                {
                    try
                    {
                        var summary = await Exporter(scope, output).ExportAsync(For(scope), ct).ConfigureAwait(false);
                        var outputScope = scope.OutputScope(null);
                        await outputScope.LookUpAccountAsync().ConfigureAwait(false);
                        ResourceScopeStamp.Apply(summary, outputScope);
                        output.WriteObject(summary);
                    }
                    catch (Exception ex) when (approved.Count > 1 && !(ex is OperationCanceledException && ct.IsCancellationRequested))
                    {
                        output.WriteError(ScopedError(ex, destination.Location, scope));
                    }
                }
            }, destination.Location);
        }

        private bool WhatIfOrConfirm() =>
            MyInvocation.BoundParameters.ContainsKey("WhatIf") && ((SwitchParameter)MyInvocation.BoundParameters["WhatIf"]).IsPresent
            || MyInvocation.BoundParameters.ContainsKey("Confirm") && ((SwitchParameter)MyInvocation.BoundParameters["Confirm"]).IsPresent
            || SessionState.PSVariable.GetValue("WhatIfPreference") is SwitchParameter w && w.IsPresent
            || SessionState.PSVariable.GetValue("WhatIfPreference") is bool b && b;
    }
}
