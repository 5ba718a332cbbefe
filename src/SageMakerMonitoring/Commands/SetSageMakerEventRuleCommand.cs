using System;
using System.Management.Automation;
using SageMakerMonitoring.Completers;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Changes an EventBridge rule; what is not given keeps its current value.</summary>
    [Cmdlet(VerbsCommon.Set, "SageMakerEventRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = KeepSet)]
    [OutputType(typeof(EventRule))]
    public sealed class SetSageMakerEventRuleCommand : SageMakerEventCommand
    {
        private const string KeepSet = "KeepPattern";
        private const string EventTypeSet = "EventType";
        private const string PatternSet = "EventPattern";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.EventRuleNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = EventTypeSet)]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        [EventTypeValidation]
        public string[] EventType { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = EventTypeSet)]
        [ArgumentCompleter(typeof(EventStatusCompleter))]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = EventTypeSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        public string[]? ResourceName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PatternSet)]
        public object? EventPattern { get; set; }

        [Parameter]
        public string? ScheduleExpression { get; set; }

        [Parameter]
        [ValidateLength(0, 512)]
        public string? Description { get; set; }

        [Parameter]
        [ValidateSet("Enabled", "Disabled", "EnabledWithAllCloudTrailManagementEvents", IgnoreCase = true)]
        public string? State { get; set; }

        [Parameter]
        public string? RoleArn { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            string? pattern;
            try
            {
                pattern = ParameterSetName == EventTypeSet ? BuildPattern(EventType, Status, ResourceName)
                    : ParameterSetName == PatternSet ? ToJson(EventPattern) : null;
                if (pattern != null) EventRuleService.ValidatePattern(pattern);
            }
            catch (Exception e) when (e is MonitoringException || e is ArgumentException)
            {
                WriteError(ErrorRecordFactory.Create(e, Name));
                return;
            }
            if (pattern == null && ScheduleExpression == null && Description == null && State == null && RoleArn == null)
            {
                WriteError(ErrorRecordFactory.Create(new MonitoringException("NothingToChange", ErrorKind.InvalidArgument,
                    "Give at least one of -EventType, -EventPattern, -ScheduleExpression, -Description, -State or -RoleArn.", Name), Name));
                return;
            }
            if (!ShouldProcess("rule '" + Name + "' on event bus '" + BusLabel + "'", "Change EventBridge rule")) return;

            var update = new EventRuleUpdate
            {
                Name = Name,
                EventBusName = Bus,
                EventPattern = pattern,
                ScheduleExpression = ScheduleExpression,
                State = NormalizeState(State),
                Description = Description,
                RoleArn = RoleArn,
            };
            Run(async (output, ct) =>
            {
                try
                {
                    var rule = await CreateService(output).UpdateRuleAsync(update, ct).ConfigureAwait(false);
                    if (PassThru) output.WriteObject(rule);
                }
                catch (MonitoringException e) when (e.ErrorId == "EventRuleNotFound")
                {
                    output.WriteError(ErrorRecordFactory.Create(e, Name));
                }
            }, Name);
        }
    }
}
