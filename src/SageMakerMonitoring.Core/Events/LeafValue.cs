using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>One leaf value of an event (string, number, true, false or null) with its string fetched at most once.</summary>
    internal struct LeafValue
    {
        private string? _text;

        public LeafValue(JsonElement element)
        {
            Element = element;
            _text = null;
        }

        public JsonElement Element { get; }

        public JsonValueKind Kind => Element.ValueKind;

        public bool IsString => Element.ValueKind == JsonValueKind.String;

        /// <summary>The string value; only valid when <see cref="IsString"/>.</summary>
        public string Text => _text ??= Element.GetString() ?? "";

        /// <summary>The value as a number EventBridge compares numerically: a finite JSON number within ±2^53.</summary>
        public bool TryGetComparableNumber(out double value) => NumericLimits.TryGetComparable(Element, out value);
    }
}
