using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>EventBridge operations used by the module. <c>eventBusName</c> null means the default bus.</summary>
    public interface IEventBridgeClient
    {
        /// <summary>Creates or fully replaces a rule; returns its ARN.</summary>
        Task<string> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken);
        Task<RuleInfo> DescribeRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken);
        Task<RulePage> ListRulesAsync(string? namePrefix, string? eventBusName, string? nextToken, int? limit, CancellationToken cancellationToken);
        Task DeleteRuleAsync(string name, string? eventBusName, bool force, CancellationToken cancellationToken);
        Task EnableRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken);
        Task DisableRuleAsync(string name, string? eventBusName, CancellationToken cancellationToken);
        /// <summary>At most 10 targets per call. Partial failures come back in the result, not as an exception.</summary>
        Task<TargetChangeResult> PutTargetsAsync(string rule, string? eventBusName, IReadOnlyList<RuleTarget> targets, CancellationToken cancellationToken);
        /// <summary>At most 10 ids per call.</summary>
        Task<TargetChangeResult> RemoveTargetsAsync(string rule, string? eventBusName, IReadOnlyList<string> ids, bool force, CancellationToken cancellationToken);
        Task<TargetPage> ListTargetsByRuleAsync(string rule, string? eventBusName, string? nextToken, int? limit, CancellationToken cancellationToken);
        Task<bool> TestEventPatternAsync(string eventPattern, string eventJson, CancellationToken cancellationToken);
        Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);
        Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken);
    }

    public sealed class PutRuleRequest
    {
        public string Name { get; set; } = "";
        public string? EventBusName { get; set; }
        public string? EventPattern { get; set; }
        public string? ScheduleExpression { get; set; }
        /// <summary>ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
        public string? State { get; set; }
        public string? Description { get; set; }
        public string? RoleArn { get; set; }
        /// <summary>Applied only when the rule is created.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }

    public sealed class RuleInfo
    {
        public string Name { get; set; } = "";
        public string? Arn { get; set; }
        public string? EventPattern { get; set; }
        public string? ScheduleExpression { get; set; }
        public string? State { get; set; }
        public string? Description { get; set; }
        public string? RoleArn { get; set; }
        public string? ManagedBy { get; set; }
        public string? EventBusName { get; set; }
        public string? CreatedBy { get; set; }
    }

    public sealed class RulePage
    {
        public IReadOnlyList<RuleInfo> Rules { get; set; } = Array.Empty<RuleInfo>();
        public string? NextToken { get; set; }
    }

    public sealed class RuleTarget
    {
        public string Id { get; set; } = "";
        public string Arn { get; set; } = "";
        public string? RoleArn { get; set; }
        public string? Input { get; set; }
        public string? InputPath { get; set; }
        public InputTransformer? InputTransformer { get; set; }
    }

    public sealed class InputTransformer
    {
        public IReadOnlyDictionary<string, string> InputPathsMap { get; set; } = new Dictionary<string, string>();
        public string InputTemplate { get; set; } = "";
    }

    public sealed record TargetFailure(string TargetId, string ErrorCode, string ErrorMessage)
    {
        /// <summary>What the entry's error code means (decided in Aws/, as for <see cref="AwsServiceException.Kind"/>).</summary>
        public AwsErrorKind Kind { get; } = AwsErrorClassifier.Classify(ErrorCode, 400, ErrorMessage);
    }

    public sealed class TargetChangeResult
    {
        public int FailedEntryCount { get; set; }
        public IReadOnlyList<TargetFailure> FailedEntries { get; set; } = Array.Empty<TargetFailure>();
    }

    public sealed class TargetPage
    {
        public IReadOnlyList<RuleTarget> Targets { get; set; } = Array.Empty<RuleTarget>();
        public string? NextToken { get; set; }
    }
}
