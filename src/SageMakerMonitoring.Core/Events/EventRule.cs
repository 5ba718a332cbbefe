using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>An EventBridge rule with its decoded pattern and its targets.</summary>
    public sealed class EventRule
    {
        public string Name { get; init; } = "";
        public string? Arn { get; init; }
        public string EventBusName { get; init; } = "default";

        /// <summary>ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
        public string? State { get; init; }
        public string? Description { get; init; }

        /// <summary>The pattern as the service stores it (JSON text); null for schedule rules.</summary>
        public string? EventPattern { get; init; }

        /// <summary>The pattern as nested dictionaries and arrays (what ConvertFrom-Json -AsHashtable would give).</summary>
        public object? Pattern { get; init; }

        /// <summary>Short names of the SageMaker event types the pattern selects by detail-type (empty when it names none).</summary>
        public IReadOnlyList<string> EventTypes { get; init; } = Array.Empty<string>();

        /// <summary>The detail-type values the pattern lists.</summary>
        public IReadOnlyList<string> DetailTypes { get; init; } = Array.Empty<string>();

        /// <summary>True when the pattern selects SageMaker events (source aws.sagemaker, or SageMaker detail-types).</summary>
        public bool IsSageMakerRule { get; init; }

        public string? ScheduleExpression { get; init; }
        public string? RoleArn { get; init; }
        public string? ManagedBy { get; init; }
        public string? CreatedBy { get; init; }

        /// <summary>The rule's targets (empty when they were not fetched or there are none).</summary>
        public IReadOnlyList<EventRuleTarget> Targets { get; init; } = Array.Empty<EventRuleTarget>();

        public bool IsEnabled => State != null && State.StartsWith("ENABLED", StringComparison.Ordinal);

        public override string ToString() => Name;
    }
}
