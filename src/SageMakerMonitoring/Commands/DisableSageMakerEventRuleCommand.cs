using System.Management.Automation;
using SageMakerMonitoring.Core.Events;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Disables an EventBridge rule (EventBridge DisableRule).</summary>
    [Cmdlet(VerbsLifecycle.Disable, "SageMakerEventRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EventRule))]
    public sealed class DisableSageMakerEventRuleCommand : SageMakerEventRuleStateCommand
    {
        protected override bool Enabled => false;
    }
}
