using System;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Output;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Samples CloudWatch metrics live and writes each datapoint once, late ones included.</summary>
    [Cmdlet(VerbsCommon.Watch, "SageMakerMetric", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(MetricDatapoint))]
    public sealed class WatchSageMakerMetricCommand : SageMakerMetricSelectionCommand
    {
        [Parameter]
        [Binding.UtcDateTime]
        public DateTime? StartTime { get; set; }

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
        [ValidateNotNullOrEmpty]
        public string? Interval { get; set; }

        [Parameter]
        public DateTime? Until { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? Count { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LateDataWindow { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                MetricSelection.RequireOneResource(PipedSelections());
            }
            catch (MonitoringException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, ex.TargetObject));
            }
            ReadPipedMetrics(ProcessRecord);
        }

        protected override void ProcessRecord()
        {
            if (DeferPipedMetrics()) return;
            var metricNames = MetricName;
            var statistics = Statistic;
            var period = ParsePeriod(Period);
            var startTime = StartTime;
            var since = ParseOptionalDuration(Since, nameof(Since), allowPointInTime: true);
            var options = new MetricWatchOptions
            {
                Interval = ParseOptionalDuration(Interval, nameof(Interval)),
                Until = Until,
                Count = Count,
            };
            if (LateDataWindow != null) options.LateDataWindow = ParseDuration(LateDataWindow, nameof(LateDataWindow));
            // A watch never ends on its own: every selected resource is watched at once, whatever -ThrottleLimit says.
            RunForEachSelection(c => c.CreateCloudWatch(), async (selection, w, output, ct) =>
            {
                var query = new MetricQuery(selection)
                {
                    Scope = w.Output,
                    MetricNames = metricNames,
                    Statistics = statistics,
                    Period = period,
                    StartTime = startTime,
                    Since = since,
                };
                var watcher = new MetricWatcher(w.Clients.CreateCloudWatch(), w.Clients.CreateSageMaker(), output);
                await foreach (var point in watcher.WatchAsync(query, options, ct).ConfigureAwait(false))
                {
                    ResourceScopeStamp.Apply(point, w.Output);
                    output.WriteObject(point);
                }
            }, int.MaxValue);
        }
    }
}
