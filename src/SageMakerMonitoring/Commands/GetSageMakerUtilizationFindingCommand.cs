using System;
using System.Linq;
using System.Management.Automation;
using SageMakerMonitoring.Completers;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Evaluates Debugger's profiler rules (training jobs) or the endpoint rules over a resource's utilization.
    /// <para type="synopsis">Finds wasted or bottlenecked GPUs and CPUs of a training job, or an endpoint to right-size, from CloudWatch or Debugger data.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SageMakerUtilizationFinding", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(UtilizationFinding))]
    public sealed class GetSageMakerUtilizationFindingCommand : SageMakerUtilizationCommand
    {
        private static readonly UtilizationRuleParameters Defaults = new UtilizationRuleParameters();

        [Parameter]
        [ArgumentCompleter(typeof(UtilizationRuleCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Rule { get; set; }

        [Parameter]
        public SwitchParameter TriggeredOnly { get; set; }

        [Parameter, ValidateRange(0, 100)] public double GpuThresholdP95 { get; set; } = Defaults.LowGpuThresholdP95;
        [Parameter, ValidateRange(0, 100)] public double GpuThresholdP5 { get; set; } = Defaults.LowGpuThresholdP5;
        [Parameter, ValidateRange(2, 1_000_000)] public int Window { get; set; } = Defaults.Window;
        [Parameter, ValidateRange(0, 100_000_000)] public int Patience { get; set; } = Defaults.Patience;
        [Parameter, ValidateRange(0, 100)] public double BottleneckThreshold { get; set; } = Defaults.BottleneckThreshold;
        [Parameter, ValidateRange(0, 100)] public double BottleneckGpuThreshold { get; set; } = Defaults.BottleneckGpuThreshold;
        [Parameter, ValidateRange(0, 100)] public double CpuThreshold { get; set; } = Defaults.CpuThreshold;
        [Parameter, ValidateRange(0, 100)] public double IoThreshold { get; set; } = Defaults.IoThreshold;
        [Parameter, ValidateRange(0, 100)] public double BatchCpuThresholdP95 { get; set; } = Defaults.BatchCpuThresholdP95;
        [Parameter, ValidateRange(0, 100)] public double BatchGpuThresholdP95 { get; set; } = Defaults.BatchGpuThresholdP95;
        [Parameter, ValidateRange(0, 100)] public double BatchGpuMemoryThresholdP95 { get; set; } = Defaults.BatchGpuMemoryThresholdP95;
        [Parameter, ValidateRange(0, 100)] public double MemoryIncrease { get; set; } = Defaults.MemoryIncrease;
        [Parameter, ValidateRange(1, 1_000_000)] public int MemoryWindow { get; set; } = Defaults.MemoryWindow;
        [Parameter, ValidateRange(0, 1)] public double LoadBalancingThreshold { get; set; } = Defaults.LoadBalancingThreshold;
        [Parameter, ValidateRange(0, 100)] public double EndpointCpuThresholdP95 { get; set; } = Defaults.EndpointCpuThresholdP95;
        [Parameter, ValidateRange(0, 100)] public double EndpointGpuThresholdP95 { get; set; } = Defaults.EndpointGpuThresholdP95;
        [Parameter, ValidateRange(0, 3_600_000)] public double ModelLatencyThresholdMs { get; set; } = Defaults.ModelLatencyP99Threshold;
        [Parameter, ValidateRange(0, 100)] public double Error4xxRateThreshold { get; set; } = Defaults.Error4xxRateThreshold;
        [Parameter, ValidateRange(0, 100)] public double Error5xxRateThreshold { get; set; } = Defaults.Error5xxRateThreshold;

        /// <summary>How many resources are read at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Core.Infrastructure.FanOutRunner.DefaultThrottleLimit;

        protected override void ProcessRecord()
        {
            var parameters = new UtilizationRuleParameters
            {
                LowGpuThresholdP95 = GpuThresholdP95,
                LowGpuThresholdP5 = GpuThresholdP5,
                Window = Window,
                Patience = Patience,
                BottleneckThreshold = BottleneckThreshold,
                BottleneckGpuThreshold = BottleneckGpuThreshold,
                CpuThreshold = CpuThreshold,
                IoThreshold = IoThreshold,
                BatchCpuThresholdP95 = BatchCpuThresholdP95,
                BatchGpuThresholdP95 = BatchGpuThresholdP95,
                BatchGpuMemoryThresholdP95 = BatchGpuMemoryThresholdP95,
                MemoryIncrease = MemoryIncrease,
                MemoryWindow = MemoryWindow,
                LoadBalancingThreshold = LoadBalancingThreshold,
                EndpointCpuThresholdP95 = EndpointCpuThresholdP95,
                EndpointGpuThresholdP95 = EndpointGpuThresholdP95,
                ModelLatencyP99Threshold = ModelLatencyThresholdMs,
                Error4xxRateThreshold = Error4xxRateThreshold,
                Error5xxRateThreshold = Error5xxRateThreshold,
            };
            var requestFor = RequestFactory(parameters);
            var endpoint = ParameterSetName == EndpointSet;
            string[] rules;
            try
            {
                rules = UtilizationRules.Select(Rule, endpoint).ToArray();
            }
            catch (Core.Infrastructure.MonitoringException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, ex.TargetObject));
                return;
            }
            var triggeredOnly = TriggeredOnly.IsPresent;
            RunForEachResource(ResourceSelection(), ThrottleLimit, c => { c.CreateCloudWatch(); if (!endpoint) c.CreateObjectStore(); }, async (w, output, ct) =>
            {
                var analysis = await new UtilizationService(w.Clients.CreateCloudWatch(), w.Clients.CreateSageMaker(), endpoint ? null : w.Clients.CreateObjectStore(), output).AnalyzeAsync(requestFor(w.Resource!), rules, ct).ConfigureAwait(false);
                output.Verbose($"{analysis.ResourceName}: {analysis.Points} points from {analysis.Source}, {analysis.Start:yyyy-MM-ddTHH:mm:ssZ} to {analysis.End:yyyy-MM-ddTHH:mm:ssZ}.");
                foreach (var f in analysis.Findings)
                {
                    if (!triggeredOnly || f.Triggered)
                    {
                        ResourceScopeStamp.Apply(f, w.Output);
                        output.WriteObject(f);
                    }
                }
            });
        }
    }
}
