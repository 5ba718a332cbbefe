using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Gets EventBridge rules for SageMaker events, with their decoded patterns and targets.</summary>
    [Cmdlet(VerbsCommon.Get, "SageMakerEventRule")]
    [OutputType(typeof(EventRule))]
    public sealed class GetSageMakerEventRuleCommand : SageMakerEventCommand
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.EventRuleNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter]
        public SwitchParameter All { get; set; }

        [Parameter]
        public SwitchParameter NoTarget { get; set; }

        protected override void ProcessRecord()
        {
            var names = Name == null || Name.Length == 0 ? new string?[] { null } : (string?[])Name;
            foreach (var name in names)
            {
                Run(async (output, ct) =>
                {
                    var service = CreateService(output);
                    try
                    {
                        await foreach (var rule in service.GetRulesAsync(name, All, !NoTarget, Bus, ct).ConfigureAwait(false))
                        {
                            output.WriteObject(rule);
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
