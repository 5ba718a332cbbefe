using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Metrics;

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

        protected override void ProcessRecord()
        {
            var selection = BuildSelection();
            var names = MetricName;
            var recent = RecentlyActive.IsPresent;
            var cloudWatch = Clients.CreateCloudWatch();
            Run(async (output, ct) =>
            {
                var service = new MetricQueryService(cloudWatch, null, output);
                var found = 0;
                await foreach (var metric in service.FindAsync(selection, recent, ct).ConfigureAwait(false))
                {
                    if (names != null && names.Length > 0 && !names.Any(n => new WildcardPattern(n, WildcardOptions.IgnoreCase).IsMatch(metric.MetricName))) continue;
                    found++;
                    output.WriteObject(metric);
                }
                if (found == 0)
                {
                    output.Warning($"No metrics found for {selection}{(recent ? " with data in the last 3 hours" : "")}. Searched {MetricSeriesResolverText(selection)}.");
                }
            }, Target);
        }

        private static string MetricSeriesResolverText(MetricSelection selection) => MetricSeriesResolver.DescribeSearch(selection);
    }
}
