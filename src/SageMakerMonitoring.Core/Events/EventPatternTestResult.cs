namespace SageMakerMonitoring.Core.Events
{
    /// <summary>The outcome of testing one event against a pattern (<c>Test-SageMakerEventPattern -Detailed</c>).</summary>
    public sealed class EventPatternTestResult
    {
        public bool IsMatch { get; init; }

        /// <summary>Dotted path of the first pattern field that did not match (local engine only; null on a match).</summary>
        public string? FailedPath { get; init; }

        /// <summary>Why that field did not match (local engine only).</summary>
        public string? Reason { get; init; }

        /// <summary>The event's <c>id</c>, <c>source</c> and <c>detail-type</c>, when it has them.</summary>
        public string? EventId { get; init; }
        public string? Source { get; init; }
        public string? DetailType { get; init; }

        /// <summary>Local (the module's engine) or Remote (EventBridge TestEventPattern).</summary>
        public string Engine { get; init; } = "Local";

        /// <summary>The event as tested (JSON).</summary>
        public string Event { get; init; } = "";

        /// <summary>Builds a local result from an evaluation.</summary>
        public static EventPatternTestResult FromLocal(EventMatchResult match, ParsedEvent evt) => new EventPatternTestResult
        {
            IsMatch = match.IsMatch,
            FailedPath = match.FailedPath,
            Reason = match.Reason,
            EventId = evt.GetString("id"),
            Source = evt.GetString("source"),
            DetailType = evt.GetString("detail-type"),
            Engine = "Local",
            Event = evt.ToJson(),
        };

        public override string ToString() => IsMatch ? "Match" : "No match" + (FailedPath != null ? " at " + FailedPath : "");
    }
}
