namespace SageMakerMonitoring.Core.Events
{
    /// <summary>The outcome of checking one event against a pattern; on a miss, the first field that did not match and why.</summary>
    public sealed class EventMatchResult
    {
        private EventMatchResult(bool isMatch, string? failedPath, string? reason)
        {
            IsMatch = isMatch;
            FailedPath = failedPath;
            Reason = reason;
        }

        internal static readonly EventMatchResult Match = new EventMatchResult(true, null, null);

        internal static EventMatchResult Miss(string failedPath, string reason) => new EventMatchResult(false, failedPath, reason);

        public bool IsMatch { get; }

        /// <summary>Dotted path of the first pattern field that did not match (null on a match).</summary>
        public string? FailedPath { get; }

        /// <summary>Why that field did not match (null on a match).</summary>
        public string? Reason { get; }

        public override string ToString() => IsMatch ? "Match" : "No match at " + FailedPath + ": " + Reason;
    }
}
