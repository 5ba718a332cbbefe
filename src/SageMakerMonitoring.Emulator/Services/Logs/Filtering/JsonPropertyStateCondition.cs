using System.Text.Json;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary><c>$.x IS NULL</c>, <c>$.x NOT EXISTS</c>, <c>$.x IS TRUE</c>, <c>$.x IS FALSE</c>.</summary>
    internal sealed class JsonPropertyStateCondition : JsonCondition
    {
        public JsonPropertyStateCondition(JsonSelector selector, JsonPropertyState state)
        {
            Selector = selector;
            State = state;
        }

        public JsonSelector Selector { get; }
        public JsonPropertyState State { get; }

        public override bool Evaluate(JsonElement root)
        {
            bool found = Selector.TryResolve(root, out JsonElement value);
            switch (State)
            {
                case JsonPropertyState.NotExists: return !found;
                case JsonPropertyState.IsNull: return found && value.ValueKind == JsonValueKind.Null;
                case JsonPropertyState.IsTrue: return found && value.ValueKind == JsonValueKind.True;
                default: return found && value.ValueKind == JsonValueKind.False;
            }
        }
    }
}
