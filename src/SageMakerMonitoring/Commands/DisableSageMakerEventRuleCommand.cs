using System.Management.Automation;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Disables an EventBridge rule (EventBridge DisableRule).</summary>
    [Cmdlet(VerbsLifecycle.Disable, "SageMakerEventRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EventRule))]
    public sealed class DisableSageMakerEventRuleCommand : SageMakerEventCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (!ShouldProcess("rule '" + name + "' on event bus '" + BusLabel + "'", "Disable EventBridge rule")) continue;
                Run(async (output, ct) =>
                {
                    try
                    {
                        var rule = await CreateService(output).SetEnabledAsync(name, Bus, false, ct).ConfigureAwait(false);
                        if (PassThru) output.WriteObject(rule);
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
