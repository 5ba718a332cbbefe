using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Events
{
    /// <summary>One rule held by the emulated EventBridge: its definition, targets (in insertion order) and tags.</summary>
    internal sealed class EventRuleState
    {
        public string Name { get; set; } = "";
        public string EventBusName { get; set; } = "default";
        public string Arn { get; set; } = "";
        public string? EventPattern { get; set; }
        public string? ScheduleExpression { get; set; }
        public string State { get; set; } = "ENABLED";
        public string? Description { get; set; }
        public string? RoleArn { get; set; }
        public string CreatedBy { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public List<KeyValuePair<string, System.Text.Json.Nodes.JsonObject>> Targets { get; } = new List<KeyValuePair<string, System.Text.Json.Nodes.JsonObject>>();
        public SortedDictionary<string, string> Tags { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    }
}
