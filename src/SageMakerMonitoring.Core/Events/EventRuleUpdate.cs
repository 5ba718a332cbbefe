namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// A change to an existing rule: only the properties that are set change; everything else keeps its current value
    /// (PutRule replaces the whole rule, so the service reads the rule first).
    /// </summary>
    public sealed class EventRuleUpdate
    {
        public string Name { get; init; } = "";
        public string? EventBusName { get; init; }
        public string? EventPattern { get; init; }
        public string? ScheduleExpression { get; init; }
        public string? State { get; init; }
        public string? Description { get; init; }
        public string? RoleArn { get; init; }
    }
}
