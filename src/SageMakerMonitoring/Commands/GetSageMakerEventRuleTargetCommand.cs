using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Gets the targets of an EventBridge rule (ListTargetsByRule, all pages).</summary>
    [Cmdlet(VerbsCommon.Get, "SageMakerEventRuleTarget")]
    [OutputType(typeof(EventRuleTarget))]
    public sealed class GetSageMakerEventRuleTargetCommand : SageMakerEventCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Rule")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.EventRuleNameCompleter))]
        public string RuleName { get; set; } = "";

        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = Id?.Select(i => new WildcardPattern(i, WildcardOptions.None)).ToList();
            var rule = RuleName;
            Run(async (output, ct) =>
            {
                try
                {
                    await foreach (var target in CreateService(output).GetTargetsAsync(rule, Bus, ct).ConfigureAwait(false))
                    {
                        if (patterns == null || patterns.Any(p => p.IsMatch(target.Id))) output.WriteObject(target);
                    }
                }
                catch (MonitoringException e) when (e.ErrorId == "EventRuleNotFound")
                {
                    output.WriteError(ErrorRecordFactory.Create(e, rule));
                }
            }, rule);
        }
    }
}
