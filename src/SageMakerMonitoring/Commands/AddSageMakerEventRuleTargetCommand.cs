using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Adds targets to an EventBridge rule (PutTargets, at most 10 per call, retrying ConcurrentModificationException entries).</summary>
    [Cmdlet(VerbsCommon.Add, "SageMakerEventRuleTarget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ArnSet)]
    [OutputType(typeof(EventRuleTarget))]
    public sealed class AddSageMakerEventRuleTargetCommand : SageMakerEventCommand
    {
        private const string ArnSet = "Arn";
        private const string TargetSet = "Target";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Rule")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.EventRuleNameCompleter))]
        public string RuleName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ArnSet)]
        [ValidateNotNullOrEmpty]
        public string[] Arn { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = ArnSet)]
        [ValidatePattern("^[\\.\\-_A-Za-z0-9]{1,64}$")]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = ArnSet)]
        public object? Input { get; set; }

        [Parameter(ParameterSetName = ArnSet)]
        [ValidateLength(1, 256)]
        public string? InputPath { get; set; }

        [Parameter(ParameterSetName = ArnSet)]
        public Hashtable? InputTransformer { get; set; }

        [Parameter(ParameterSetName = ArnSet)]
        public string? RoleArn { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TargetSet)]
        public object[] Target { get; set; } = Array.Empty<object>();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            List<RuleTarget> targets;
            try
            {
                targets = ParameterSetName == TargetSet ? Target.Select(ToRuleTarget).ToList() : FromArns();
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecordFactory.Create(e, RuleName));
                return;
            }
            var ids = string.Join(", ", targets.Select(t => t.Id + " (" + t.Arn + ")"));
            if (!ShouldProcess("rule '" + RuleName + "' on event bus '" + BusLabel + "'", "Add target(s) " + ids)) return;

            var rule = RuleName;
            Run(async (output, ct) =>
            {
                var service = CreateService(output);
                try
                {
                    var outcome = await service.PutTargetsAsync(rule, Bus, targets, ct).ConfigureAwait(false);
                    WriteTargetFailures(output, rule, outcome.Failed, "added");
                    if (!PassThru || outcome.Succeeded.Count == 0) return;
                    var added = new HashSet<string>(outcome.Succeeded, StringComparer.Ordinal);
                    await foreach (var t in service.GetTargetsAsync(rule, Bus, ct).ConfigureAwait(false))
                    {
                        if (added.Contains(t.Id)) output.WriteObject(t);
                    }
                }
                catch (MonitoringException e) when (e.ErrorId == "EventRuleNotFound")
                {
                    output.WriteError(ErrorRecordFactory.Create(e, rule));
                }
            }, rule);
        }

        private List<RuleTarget> FromArns()
        {
            if (Id != null && Id.Length != Arn.Length) throw new ArgumentException("Give one -Id per -Arn (" + Arn.Length + " ARN(s), " + Id.Length + " id(s)).");
            var input = Input == null ? null : ToJson(Input);
            var transformer = InputTransformer == null ? null : ToInputTransformer(InputTransformer);
            return Arn.Select((arn, i) => new RuleTarget
            {
                Id = Id != null ? Id[i] : EventRuleService.TargetIdFromArn(arn),
                Arn = arn,
                RoleArn = RoleArn,
                Input = input,
                InputPath = InputPath,
                InputTransformer = transformer,
            }).ToList();
        }
    }
}
