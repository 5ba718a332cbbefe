using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>What a PutTargets/RemoveTargets run achieved: the ids that went through and the entries the service refused.</summary>
    public sealed class TargetChangeOutcome
    {
        public TargetChangeOutcome(IReadOnlyList<string> succeeded, IReadOnlyList<TargetFailure> failed)
        {
            Succeeded = succeeded;
            Failed = failed;
        }

        public IReadOnlyList<string> Succeeded { get; }

        /// <summary>Refused entries (after retrying ConcurrentModificationException), with the service's error code.</summary>
        public IReadOnlyList<TargetFailure> Failed { get; }

        public bool AllSucceeded => Failed.Count == 0;

        internal static readonly TargetChangeOutcome Empty = new TargetChangeOutcome(Array.Empty<string>(), Array.Empty<TargetFailure>());
    }
}
