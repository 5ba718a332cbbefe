using System;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// <c>"count": [2]</c>: the event value is a JSON number equal to this one. Like EventBridge, the number matches both
    /// numerically (so <c>300</c> matches <c>300.0</c> and <c>3.0e2</c>) and, for numbers outside the exactly
    /// representable range (an account number written as a number), by its literal text. A string <c>"2"</c> never matches.
    /// </summary>
    internal sealed class ExactNumberMatcher : ValueMatcher
    {
        private readonly string _literal;
        private readonly double _number;
        private readonly bool _comparable;

        public ExactNumberMatcher(string literal, double number, bool comparable, string description) : base(description)
        {
            _literal = literal;
            _number = number;
            _comparable = comparable;
        }

        public override bool Matches(ref LeafValue value)
        {
            if (value.Kind != System.Text.Json.JsonValueKind.Number) return false;
            if (_comparable && value.TryGetComparableNumber(out var d) && d == _number) return true;
            return string.Equals(value.Text, _literal, StringComparison.Ordinal);
        }
    }
}
