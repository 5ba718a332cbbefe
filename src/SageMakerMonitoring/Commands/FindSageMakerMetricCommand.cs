using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Lists the CloudWatch metrics that exist for a SageMaker resource (ListMetrics, all pages).</summary>
    [Cmdlet(VerbsCommon.Find, "SageMakerMetric", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(MetricInfo))]
    public sealed class FindSageMakerMetricCommand : SageMakerMetricSelectionCommand
    {
        [Parameter]
        public SwitchParameter RecentlyActive { get; set; }

        /// <summary>Find always lists, -MetricName only filters what comes back.</summary>
        protected override bool DimensionsListedAsFilters => true;

        protected override void EndProcessing() => ReadPipedMetrics(ProcessRecord);

        protected override void ProcessRecord()
        {
            if (DeferPipedMetrics()) return;
            var patterns = MetricName?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var recentlyActive = RecentlyActive.IsPresent;
            Func<string, bool>? nameFilter = patterns is { Count: > 0 } ? name => patterns.Any(p => p.IsMatch(name)) : null;
            RunForEachSelection(c => c.CreateCloudWatch(), async (selection, w, output, ct) =>
            {
                var request = new MetricFindRequest(selection) { RecentlyActive = recentlyActive, MetricNameFilter = nameFilter };
                var service = new MetricQueryService(w.Clients.CreateCloudWatch(), w.Clients.CreateSageMaker(), output);
                await foreach (var metric in service.FindAsync(request, ct).ConfigureAwait(false))
                {
                    ResourceScopeStamp.Apply(metric, w.Output);
                    output.WriteObject(metric);
                }
            });
        }
    }
}
