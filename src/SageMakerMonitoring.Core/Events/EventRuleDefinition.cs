using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>What a new rule should be (PutRule's arguments).</summary>
    public sealed class EventRuleDefinition
    {
        public string Name { get; init; } = "";
        /// <summary>Null: the default bus.</summary>
        public string? EventBusName { get; init; }
        public string? EventPattern { get; init; }
        public string? ScheduleExpression { get; init; }
        /// <summary>Null: ENABLED.</summary>
        public string? State { get; init; }
        public string? Description { get; init; }
        public string? RoleArn { get; init; }
        /// <summary>Applied only when the rule is created.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    }
}
