using System.Management.Automation;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Base of Enable- and Disable-SageMakerEventRule: the same parameters and flow, only the state they set differs.
    /// </summary>
    public abstract class SageMakerEventRuleStateCommand : SageMakerEventCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.EventRuleNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The state the cmdlet sets: true for Enable, false for Disable.</summary>
        protected abstract bool Enabled { get; }

        protected override void ProcessRecord()
        {
            var action = (Enabled ? "Enable" : "Disable") + " EventBridge rule";
            foreach (var name in Name)
            {
                if (!ShouldProcess("rule '" + name + "' on event bus '" + BusLabel + "'", action)) continue;
                Run(async (output, ct) =>
                {
                    try
                    {
                        var rule = await CreateService(output).SetEnabledAsync(name, Bus, Enabled, ct).ConfigureAwait(false);
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
