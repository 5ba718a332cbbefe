using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Removes targets from an EventBridge rule (RemoveTargets, at most 10 per call, retrying ConcurrentModificationException entries).</summary>
    [Cmdlet(VerbsCommon.Remove, "SageMakerEventRuleTarget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveSageMakerEventRuleTargetCommand : SageMakerEventCommand
    {
        private readonly List<KeyValuePair<(string Rule, string? Bus), string>> _pending = new List<KeyValuePair<(string Rule, string? Bus), string>>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Rule")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.EventRuleNameCompleter))]
        public string RuleName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                if (ShouldChange("target '" + id + "' of rule '" + RuleName + "' on event bus '" + BusLabel + "'", "Remove EventBridge rule target", Force))
                {
                    _pending.Add(new KeyValuePair<(string, string?), string>((RuleName, Bus), id));
                }
            }
        }

        protected override void EndProcessing()
        {
            // Targets piped in one by one are removed together, at most 10 per call per rule.
            foreach (var group in _pending.GroupBy(p => p.Key))
            {
                var (rule, bus) = group.Key;
                var ids = group.Select(p => p.Value).ToList();
                Run(async (output, ct) =>
                {
                    try
                    {
                        var outcome = await CreateService(output).RemoveTargetsAsync(rule, bus, ids, ct).ConfigureAwait(false);
                        WriteTargetFailures(output, rule, outcome.Failed, "removed");
                        if (outcome.Succeeded.Count > 0) output.Verbose("Removed target(s) " + string.Join(", ", outcome.Succeeded) + " of rule '" + rule + "'.");
                    }
                    catch (MonitoringException e) when (e.ErrorId == "EventRuleNotFound")
                    {
                        output.WriteError(ErrorRecordFactory.Create(e, rule));
                    }
                }, rule);
            }
        }
    }
}
