namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>
    /// A compiled CloudWatch Logs filter pattern (FilterLogEvents, metric and subscription filters). Build it with
    /// <see cref="FilterPatternParser.Parse"/>; an empty pattern matches every event.
    /// </summary>
    internal sealed class FilterPattern
    {
        public static readonly FilterPattern All = new FilterPattern("", null);

        private readonly FilterPatternNode? _root;

        public FilterPattern(string text, FilterPatternNode? root)
        {
            Text = text;
            _root = root;
        }

        public string Text { get; }

        /// <summary>True when the pattern accepts every event, so callers can skip matching.</summary>
        public bool MatchesEverything => _root == null;

        public bool Matches(string message) => _root == null || _root.Matches(message);
    }
}
