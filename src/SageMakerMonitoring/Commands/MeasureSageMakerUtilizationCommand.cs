using System.Linq;
using System.Management.Automation;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Per-host (and, with Debugger data, per-device) utilization statistics of a training job or an endpoint.
    /// <para type="synopsis">Measures CPU, GPU, GPU memory, memory and disk utilization per host and device: min, p5, p50, p95, p99, max.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "SageMakerUtilization", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(UtilizationStatistics))]
    public sealed class MeasureSageMakerUtilizationCommand : SageMakerUtilizationCommand
    {
        /// <summary>How many resources are read at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Core.Infrastructure.FanOutRunner.DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var requestFor = RequestFactory();
            var training = ParameterSetName == TrainingJobSet;
            RunForEachResource(ResourceSelection(), ThrottleLimit, c => { c.CreateCloudWatch(); if (training) c.CreateObjectStore(); }, async (w, output, ct) =>
            {
                var request = requestFor(w.Resource!);
                var analysis = await new UtilizationService(w.Clients.CreateCloudWatch(), w.Clients.CreateSageMaker(), training ? w.Clients.CreateObjectStore() : null, output).AnalyzeAsync(request, new string[0], ct).ConfigureAwait(false);
                output.Verbose($"{analysis.ResourceName}: {analysis.Points} points from {analysis.Source}, {analysis.Start:yyyy-MM-ddTHH:mm:ssZ} to {analysis.End:yyyy-MM-ddTHH:mm:ssZ}.");
                foreach (var statistic in analysis.Statistics)
                {
                    ResourceScopeStamp.Apply(statistic, w.Output);
                    output.WriteObject(statistic);
                }
            });
        }
    }
}
