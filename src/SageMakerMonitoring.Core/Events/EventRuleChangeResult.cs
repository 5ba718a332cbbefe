using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// The result of a multi-step rule change (create with targets, remove with targets): the rule as it now is (null
    /// when it no longer exists), the target entries the service refused, and a sentence saying exactly what remains.
    /// </summary>
    public sealed class EventRuleChangeResult
    {
        public EventRuleChangeResult(EventRule? rule, IReadOnlyList<TargetFailure> failedTargets, bool completed, bool rolledBack, string remainingState)
        {
            Rule = rule;
            FailedTargets = failedTargets;
            Completed = completed;
            RolledBack = rolledBack;
            RemainingState = remainingState;
        }

        public EventRule? Rule { get; }
        public IReadOnlyList<TargetFailure> FailedTargets { get; }

        /// <summary>Every step succeeded.</summary>
        public bool Completed { get; }

        /// <summary>A step failed and the earlier steps were undone.</summary>
        public bool RolledBack { get; }

        /// <summary>What state remains in AWS, in words.</summary>
        public string RemainingState { get; }
    }
}
