using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// An EventBridge rule with its decoded pattern and its targets. Lists print as their items joined with <c>;</c>
    /// (Export-Csv), and stay lists for ConvertTo-Json; the decoded pattern's dictionaries and lists print as their JSON.
    /// </summary>
    public sealed class EventRule
    {
        private IReadOnlyList<string> _eventTypes = TextList<string>.Empty;
        private IReadOnlyList<string> _detailTypes = TextList<string>.Empty;
        private IReadOnlyList<EventRuleTarget> _targets = TextList<EventRuleTarget>.Empty;
        private object? _pattern;

        public string Name { get; init; } = "";
        public string? Arn { get; init; }
        public string EventBusName { get; init; } = "default";

        /// <summary>ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
        public string? State { get; init; }
        public string? Description { get; init; }

        /// <summary>The pattern as the service stores it (JSON text); null for schedule rules.</summary>
        public string? EventPattern { get; init; }

        /// <summary>The pattern as nested dictionaries and arrays (what ConvertFrom-Json -AsHashtable would give); each
        /// prints as its JSON text.</summary>
        public object? Pattern { get => _pattern; init => _pattern = EventPatternValue.From(value); }

        /// <summary>Short names of the SageMaker event types the pattern selects by detail-type (empty when it names none).</summary>
        public IReadOnlyList<string> EventTypes { get => _eventTypes; init => _eventTypes = AsTextList(value); }

        /// <summary>The detail-type values the pattern lists.</summary>
        public IReadOnlyList<string> DetailTypes { get => _detailTypes; init => _detailTypes = AsTextList(value); }

        /// <summary>True when the pattern selects SageMaker events (source aws.sagemaker, or SageMaker detail-types).</summary>
        public bool IsSageMakerRule { get; init; }

        public string? ScheduleExpression { get; init; }
        public string? RoleArn { get; init; }
        public string? ManagedBy { get; init; }
        public string? CreatedBy { get; init; }

        /// <summary>The rule's targets (empty when they were not fetched or there are none).</summary>
        public IReadOnlyList<EventRuleTarget> Targets { get => _targets; init => _targets = AsTextList(value); }

        public bool IsEnabled => State != null && State.StartsWith("ENABLED", StringComparison.Ordinal);

        public override string ToString() => Name;

        private static TextList<T> AsTextList<T>(IReadOnlyList<T>? items) =>
            items is TextList<T> list ? list : items is null || items.Count == 0 ? TextList<T>.Empty : new TextList<T>(items.ToArray());
    }
}
