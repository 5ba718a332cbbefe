using System;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// A compiled EventBridge event pattern. <see cref="Parse"/> validates the pattern with the service's rules
    /// (throwing <see cref="EventPatternException"/>) and compiles it once into sub-rules (one per combination of
    /// <c>$or</c> alternatives, as aws/event-ruler does), each a tree of matchers; matching then walks the event without
    /// re-reading the pattern; events pre-parsed into a <see cref="ParsedEvent"/> are matched without allocating.
    /// Instances are immutable and safe to share between threads.
    /// </summary>
    public sealed class EventPattern
    {
        /// <summary>Longest pattern the service accepts, in characters.</summary>
        public const int MaxLength = EventPatternCompiler.MaxPatternLength;

        /// <summary>Most rule combinations <c>$or</c> may produce.</summary>
        public const int MaxCombinations = EventPatternCompiler.MaxCombinations;

        private readonly PatternObject[] _alternatives;

        private EventPattern(string text, PatternObject[] alternatives, int combinations, int wildcardCount)
        {
            Text = text;
            _alternatives = alternatives;
            CombinationCount = combinations;
            WildcardCount = wildcardCount;
        }

        /// <summary>The pattern as given.</summary>
        public string Text { get; }

        /// <summary>Rule combinations as EventBridge counts them: the product of the argument counts of all <c>$or</c> arrays (1 without <c>$or</c>; at most 1,000).</summary>
        public int CombinationCount { get; }

        /// <summary>Number of wildcard expressions (the service limits rules with wildcards per bus).</summary>
        public int WildcardCount { get; }

        /// <summary>Validates and compiles a pattern.</summary>
        /// <exception cref="EventPatternException">The pattern breaks one of EventBridge's rules.</exception>
        public static EventPattern Parse(string json)
        {
            var compiler = new EventPatternCompiler();
            var alternatives = compiler.Compile(json);
            return new EventPattern(json, alternatives, compiler.Combinations, compiler.WildcardCount);
        }

        /// <summary>Like <see cref="Parse"/> but returns the problem instead of throwing.</summary>
        public static bool TryParse(string json, out EventPattern? pattern, out EventPatternException? error)
        {
            try
            {
                pattern = Parse(json);
                error = null;
                return true;
            }
            catch (EventPatternException e)
            {
                pattern = null;
                error = e;
                return false;
            }
        }

        /// <summary>Parses the event JSON and tests it. To check one event against many patterns (or many times),
        /// parse it once with <see cref="ParsedEvent.Parse"/> and use <see cref="Matches(ParsedEvent)"/>.</summary>
        public bool Matches(string eventJson) => Matches(ParsedEvent.Parse(eventJson));

        /// <summary>Tests an already parsed JSON event (reads it into the engine's form first).</summary>
        public bool Matches(JsonElement evt) => Matches(ParsedEvent.From(evt));

        /// <summary>Tests a pre-parsed event. Allocates nothing; this is the fast path.</summary>
        public bool Matches(ParsedEvent evt)
        {
            if (evt == null) throw new ArgumentNullException(nameof(evt));
            var root = evt.MatchRoot;
            var alternatives = _alternatives;
            for (var i = 0; i < alternatives.Length; i++)
            {
                if (root.Kind == JsonValueKind.Object ? alternatives[i].Matches(root) : alternatives[i].MatchesMissing) return true;
            }
            return false;
        }

        /// <summary>Tests the event and, on a miss, says which field did not match and why.</summary>
        public EventMatchResult Evaluate(ParsedEvent evt)
        {
            if (Matches(evt)) return EventMatchResult.Match;
            var root = evt.MatchRoot;
            // Explain the first sub-rule's miss; with $or, say how many alternatives were tried.
            var first = _alternatives[0];
            var miss = root.Kind == JsonValueKind.Object ? first.Explain(root) : first.ExplainMissing();
            if (miss == null) return EventMatchResult.Miss("", "the event did not match");
            if (_alternatives.Length == 1) return miss;
            return EventMatchResult.Miss(miss.FailedPath ?? "", "none of the " + _alternatives.Length
                + " sub-rules of the pattern's $or alternatives matched (first: " + miss.Reason + ")");
        }

        /// <summary>Evaluates an already parsed JSON event.</summary>
        public EventMatchResult Evaluate(JsonElement evt) => Evaluate(ParsedEvent.From(evt));

        /// <summary>Parses the event JSON and evaluates it.</summary>
        public EventMatchResult Evaluate(string eventJson) => Evaluate(ParsedEvent.Parse(eventJson));

        public override string ToString() => Text;
    }
}
