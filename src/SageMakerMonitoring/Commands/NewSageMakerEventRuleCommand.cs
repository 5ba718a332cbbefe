using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SageMakerMonitoring.Completers;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Creates an EventBridge rule for SageMaker events (built from the catalog, or a given pattern or schedule) and its targets.</summary>
    [Cmdlet(VerbsCommon.New, "SageMakerEventRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = EventTypeSet)]
    [OutputType(typeof(EventRule))]
    public sealed class NewSageMakerEventRuleCommand : SageMakerEventCommand
    {
        private const string EventTypeSet = "EventType";
        private const string PatternSet = "EventPattern";
        private const string ScheduleSet = "Schedule";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^[\\.\\-_A-Za-z0-9]{1,64}$")]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = EventTypeSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        [EventTypeValidation]
        public string[] EventType { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = EventTypeSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EventStatusCompleter))]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = EventTypeSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        public string[]? ResourceName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PatternSet, ValueFromPipelineByPropertyName = true)]
        public object? EventPattern { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ScheduleSet, ValueFromPipelineByPropertyName = true)]
        public string? ScheduleExpression { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, 512)]
        public string? Description { get; set; }

        [Parameter]
        [ValidateSet("Enabled", "Disabled", "EnabledWithAllCloudTrailManagementEvents", IgnoreCase = true)]
        public string State { get; set; } = "Enabled";

        [Parameter]
        public string? RoleArn { get; set; }

        [Parameter]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public object[]? Target { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter KeepOnFailure { get; set; }

        protected override void ProcessRecord()
        {
            string? pattern;
            List<RuleTarget> targets;
            try
            {
                pattern = ParameterSetName == EventTypeSet ? BuildPattern(EventType, Status, ResourceName)
                    : ParameterSetName == PatternSet ? ToJson(EventPattern) : null;
                if (pattern != null) EventRuleService.ValidatePattern(pattern);
                targets = (Target ?? Array.Empty<object>()).Select(ToRuleTarget).ToList();
            }
            catch (Exception e) when (e is MonitoringException || e is ArgumentException)
            {
                WriteError(ErrorRecordFactory.Create(e, Name));
                return;
            }

            var what = "Create EventBridge rule" + (targets.Count > 0 ? " with " + targets.Count + " target(s)" : "") + (Force ? " (replacing an existing rule)" : "");
            if (!ShouldProcess("rule '" + Name + "' on event bus '" + BusLabel + "'", what)) return;

            var definition = new EventRuleDefinition
            {
                Name = Name,
                EventBusName = Bus,
                EventPattern = pattern,
                ScheduleExpression = ScheduleExpression,
                State = NormalizeState(State),
                Description = Description,
                RoleArn = RoleArn,
                Tags = (Tag ?? new Hashtable()).Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? ""),
            };
            Run(async (output, ct) =>
            {
                EventRuleChangeResult result;
                try
                {
                    result = await CreateService(output).CreateRuleAsync(definition, targets, Force, KeepOnFailure, ct).ConfigureAwait(false);
                }
                catch (MonitoringException e)
                {
                    // The rule exists, is managed by another service, or the input is wrong: nothing was changed; go on with the next rule.
                    output.WriteError(ErrorRecordFactory.Create(e, Name));
                    return;
                }
                WriteTargetFailures(output, Name, result.FailedTargets, "added");
                if (result.Completed)
                {
                    output.WriteObject(result.Rule!);
                    return;
                }
                if (result.Rule != null && !result.RolledBack && KeepOnFailure)
                {
                    output.Warning(result.RemainingState);
                    output.WriteObject(result.Rule);
                    return;
                }
                output.WriteError(ErrorRecordFactory.Create(new MonitoringException(result.RolledBack ? "EventRuleRolledBack" : "EventRulePartiallyCreated",
                    ErrorKind.InvalidOperation, result.RemainingState, Name)
                {
                    RecommendedAction = result.RolledBack ? "Fix the refused targets and run the command again, or use -KeepOnFailure to keep the rule with the targets that were accepted."
                        : "Check the rule with Get-SageMakerEventRule and remove it with Remove-SageMakerEventRule if it is not wanted.",
                }, Name));
            }, Name);
        }
    }
}
