using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>
    /// <c>$.x = value</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>. Equality compares strings with
    /// <c>*</c> wildcards (or a <c>%regex%</c>), numbers numerically; ordering operators need a numeric value and a
    /// numeric property. A comparison on a missing property is false, also for <c>!=</c>.
    /// </summary>
    internal sealed class JsonComparisonCondition : JsonCondition
    {
        private readonly string? _text;
        private readonly double? _number;
        private readonly Regex? _regex;

        public JsonComparisonCondition(JsonSelector selector, string op, string? text, double? number, Regex? regex)
        {
            Selector = selector;
            Operator = op;
            _text = text;
            _number = number;
            _regex = regex;
        }

        public JsonSelector Selector { get; }
        public string Operator { get; }

        public override bool Evaluate(JsonElement root)
        {
            if (!Selector.TryResolve(root, out JsonElement value)) return false;
            switch (Operator)
            {
                case "=": return IsEqual(value);
                case "!=": return !IsEqual(value);
                default:
                    if (value.ValueKind != JsonValueKind.Number || !_number.HasValue) return false;
                    double actual = value.GetDouble();
                    double expected = _number.Value;
                    switch (Operator)
                    {
                        case "<": return actual < expected;
                        case "<=": return actual <= expected;
                        case ">": return actual > expected;
                        default: return actual >= expected;
                    }
            }
        }

        private bool IsEqual(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    if (_number.HasValue) return value.GetDouble() == _number.Value;
                    return MatchesText(value.GetRawText());
                case JsonValueKind.String:
                    return MatchesText(value.GetString() ?? "");
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return MatchesText(value.ValueKind == JsonValueKind.True ? "true" : "false");
                default:
                    return false;
            }
        }

        private bool MatchesText(string actual)
        {
            if (_regex != null) return _regex.IsMatch(actual);
            if (_text != null) return WildcardText.IsMatch(_text, actual);
            return _number.HasValue && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == _number.Value;
        }
    }
}
