using System;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Debugger;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Gets CloudWatch datapoints of a SageMaker resource (or any namespace/dimensions), streaming them as pages
    /// arrive. <para type="synopsis">Gets CloudWatch metric datapoints of a SageMaker job, endpoint or inference component.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SageMakerMetric", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(MetricDatapoint), typeof(MetricSeries))]
    public sealed class GetSageMakerMetricCommand : SageMakerMetricSelectionCommand
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Binding.UtcDateTime]
        public DateTime? StartTime { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Binding.UtcDateTime]
        public DateTime? EndTime { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Since { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Period { get; set; } = "Auto";

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.StatisticCompleter))]
        public string[]? Statistic { get; set; }

        [Parameter]
        public SwitchParameter AsSeries { get; set; }

        [Parameter]
        public MetricSource Source { get; set; } = MetricSource.CloudWatch;

        protected override void EndProcessing() => ReadPipedMetrics(ProcessRecord);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == MetricSet && Source != MetricSource.CloudWatch)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(new MonitoringException("MetricInputNeedsCloudWatch", ErrorKind.InvalidArgument,
                    "Metrics from Find-SageMakerMetric are CloudWatch metrics; they cannot be read with -Source Debugger or Auto.", Source)
                {
                    RecommendedAction = "Use -Source CloudWatch with piped metrics, or name the training job (-TrainingJobName) to read its Debugger data.",
                }, Source));
            }
            if (DeferPipedMetrics()) return;
            var metricNames = MetricName;
            var statistics = Statistic;
            var period = ParsePeriod(Period);
            var startTime = StartTime;
            var endTime = EndTime;
            var since = ParseOptionalDuration(Since, nameof(Since), allowPointInTime: true);
            MetricQuery QueryFor(MetricSelection selection, ResourceScope scope) => new MetricQuery(selection)
            {
                Scope = scope,
                MetricNames = metricNames,
                Statistics = statistics,
                Period = period,
                StartTime = startTime,
                EndTime = endTime,
                Since = since,
            };
            var asSeries = AsSeries.IsPresent;
            var source = Source;
            if (source != MetricSource.CloudWatch)
            {
                if (asSeries)
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create(new MonitoringException("AsSeriesNeedsCloudWatch", ErrorKind.InvalidArgument,
                        "-AsSeries reads CloudWatch series; it cannot be combined with -Source Debugger or Auto.", Source)
                    {
                        RecommendedAction = "Drop -AsSeries, or use -Source CloudWatch.",
                    }, Source));
                }
                RunForEachSelection(c => { c.CreateCloudWatch(); c.CreateObjectStore(); }, async (selection, w, output, ct) =>
                {
                    var reader = new TrainingJobMetricReader(w.Clients.CreateCloudWatch(), w.Clients.CreateSageMaker(), w.Clients.CreateObjectStore(), output);
                    await foreach (var points in reader.GetPagesAsync(QueryFor(selection, w.Output), source, ct).ConfigureAwait(false))
                    {
                        ResourceScopeStamp.ApplyAll(points, points.Length, w.Output);
                        output.WriteObjects(points, points.Length);
                    }
                    output.Verbose($"Source: {reader.UsedSource}.");
                });
                return;
            }
            // The query carries the scope: each metric gets it once when its series are planned, not per point.
            RunForEachSelection(c => c.CreateCloudWatch(), async (selection, w, output, ct) =>
            {
                var service = new MetricQueryService(w.Clients.CreateCloudWatch(), w.Clients.CreateSageMaker(), output);
                if (asSeries)
                {
                    await foreach (var series in service.GetSeriesAsync(QueryFor(selection, w.Output), ct).ConfigureAwait(false)) output.WriteObject(series);
                }
                else
                {
                    await foreach (var points in service.GetPointBatchesAsync(QueryFor(selection, w.Output), CmdletOutput.BatchSize, ct).ConfigureAwait(false)) output.WriteObjects(points, points.Length);
                }
                output.Verbose($"{service.GetMetricDataRequests} GetMetricData requests (lower bound {service.LowerBound}).");
            });
        }
    }
}
