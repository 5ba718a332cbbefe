namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// One status of a SageMaker event type: the spelling of the Describe*/List* API (<see cref="ApiValue"/>, e.g.
    /// <c>InService</c>) and the spelling the event carries (<see cref="EventValue"/>, e.g. <c>IN_SERVICE</c>; the same
    /// as the API value for most types).
    /// </summary>
    public sealed class SageMakerEventStatus
    {
        public SageMakerEventStatus(string apiValue, string eventValue, bool isTerminal, bool eventSpellingConfirmed = true, string? detailType = null)
        {
            ApiValue = apiValue;
            EventValue = eventValue;
            IsTerminal = isTerminal;
            EventSpellingConfirmed = eventSpellingConfirmed;
            DetailType = detailType;
        }

        public string ApiValue { get; }
        public string EventValue { get; }

        /// <summary>No further automatic transition is expected from this status.</summary>
        public bool IsTerminal { get; }

        /// <summary>False when the event spelling is derived (AWS publishes no sample carrying it).</summary>
        public bool EventSpellingConfirmed { get; }

        /// <summary>For event types whose state is encoded in the detail-type itself, the detail-type of this status.</summary>
        public string? DetailType { get; }

        /// <summary>True when <paramref name="value"/> is this status in either spelling (ignoring case and underscores).</summary>
        public bool IsSpelledBy(string value) => Normalize(value) == Normalize(ApiValue) || Normalize(value) == Normalize(EventValue);

        internal static string Normalize(string value) => value.Replace("_", "").Replace(" ", "").ToUpperInvariant();

        public override string ToString() => ApiValue == EventValue ? ApiValue : ApiValue + " (" + EventValue + ")";
    }
}
