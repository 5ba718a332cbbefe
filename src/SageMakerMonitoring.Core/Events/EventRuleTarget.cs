using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>One target of an EventBridge rule, as the module shows it (the input paths map prints as <c>name=path;…</c>).</summary>
    public sealed class EventRuleTarget
    {
        private IReadOnlyDictionary<string, string>? _inputPathsMap;

        public string RuleName { get; init; } = "";
        public string EventBusName { get; init; } = "default";
        public string Id { get; init; } = "";
        public string Arn { get; init; } = "";
        public string? RoleArn { get; init; }
        public string? Input { get; init; }
        public string? InputPath { get; init; }
        public IReadOnlyDictionary<string, string>? InputPathsMap
        {
            get => _inputPathsMap;
            init => _inputPathsMap = value is null || value is TextMap ? value : TextMap.From(value);
        }
        public string? InputTemplate { get; init; }

        internal static EventRuleTarget From(string rule, string bus, RuleTarget t) => new EventRuleTarget
        {
            RuleName = rule,
            EventBusName = bus,
            Id = t.Id,
            Arn = t.Arn,
            RoleArn = t.RoleArn,
            Input = t.Input,
            InputPath = t.InputPath,
            InputPathsMap = t.InputTransformer?.InputPathsMap,
            InputTemplate = t.InputTransformer?.InputTemplate,
        };

        /// <summary>The wire form, for PutTargets.</summary>
        public RuleTarget ToRuleTarget() => new RuleTarget
        {
            Id = Id,
            Arn = Arn,
            RoleArn = RoleArn,
            Input = Input,
            InputPath = InputPath,
            InputTransformer = InputTemplate == null && InputPathsMap == null ? null : new InputTransformer
            {
                InputPathsMap = InputPathsMap ?? new Dictionary<string, string>(),
                InputTemplate = InputTemplate ?? "",
            },
        };

        public override string ToString() => Id + " -> " + Arn;
    }
}
