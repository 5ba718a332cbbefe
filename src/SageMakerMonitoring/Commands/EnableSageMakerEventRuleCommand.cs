using System.Management.Automation;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Enables an EventBridge rule (EventBridge EnableRule).</summary>
    [Cmdlet(VerbsLifecycle.Enable, "SageMakerEventRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EventRule))]
    public sealed class EnableSageMakerEventRuleCommand : SageMakerEventCommand
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
                if (!ShouldProcess("rule '" + name + "' on event bus '" + BusLabel + "'", "Enable EventBridge rule")) continue;
                Run(async (output, ct) =>
                {
                    try
                    {
                        var rule = await CreateService(output).SetEnabledAsync(name, Bus, true, ct).ConfigureAwait(false);
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
