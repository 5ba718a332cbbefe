using System.Management.Automation;
using SageMakerMonitoring.Core.Events;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Enables an EventBridge rule (EventBridge EnableRule).</summary>
    [Cmdlet(VerbsLifecycle.Enable, "SageMakerEventRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EventRule))]
    public sealed class EnableSageMakerEventRuleCommand : SageMakerEventRuleStateCommand
    {
        protected override bool Enabled => true;
    }
}
