using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>One leaf value of an event (string, number, true, false or null), read from the parsed event without allocating.</summary>
    internal readonly struct LeafValue
    {
        private readonly EventNode _node;

        public LeafValue(EventNode node)
        {
            _node = node;
        }

        public JsonValueKind Kind => _node.Kind;

        public bool IsString => _node.Kind == JsonValueKind.String;

        /// <summary>The string value (the literal text for a number).</summary>
        public string Text => _node.Text ?? "";

        /// <summary>The value as a number EventBridge compares numerically: a finite JSON number within ±2^53.</summary>
        public bool TryGetComparableNumber(out double value)
        {
            if (_node.Kind == JsonValueKind.Number && _node.IsComparable)
            {
                value = _node.Number;
                return true;
            }
            value = 0;
            return false;
        }
    }
}
