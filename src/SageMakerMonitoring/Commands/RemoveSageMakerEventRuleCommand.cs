using System.Management.Automation;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Removes an EventBridge rule: its targets first, then the rule.</summary>
    [Cmdlet(VerbsCommon.Remove, "SageMakerEventRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveSageMakerEventRuleCommand : SageMakerEventCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.EventRuleNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (!ShouldChange("rule '" + name + "' on event bus '" + BusLabel + "'", "Remove EventBridge rule and all its targets", Force)) continue;
                Run(async (output, ct) =>
                {
                    try
                    {
                        var result = await CreateService(output).RemoveRuleAsync(name, Bus, ct).ConfigureAwait(false);
                        WriteTargetFailures(output, name, result.FailedTargets, "removed");
                        if (result.Completed) output.Verbose(result.RemainingState);
                        else
                        {
                            output.WriteError(ErrorRecordFactory.Create(new MonitoringException("EventRuleNotRemoved", ErrorKind.InvalidOperation,
                                result.RemainingState, name) { RecommendedAction = "Run the command again to retry the targets that could not be removed." }, name));
                        }
                    }
                    catch (MonitoringException e) when (e.ErrorId == "EventRuleNotFound")
                    {
                        output.WriteError(ErrorRecordFactory.Create(e, name));
                    }
                }, name);
            }
        }
    }
}
