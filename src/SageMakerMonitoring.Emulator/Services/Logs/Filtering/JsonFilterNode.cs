using System.Text.Json;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>A <c>{ ... }</c> pattern: the message must be a JSON object (or array) satisfying the condition.</summary>
    internal sealed class JsonFilterNode : FilterPatternNode
    {
        public JsonFilterNode(JsonCondition condition)
        {
            Condition = condition;
        }

        public JsonCondition Condition { get; }

        public override bool Matches(string message)
        {
            int i = 0;
            while (i < message.Length && char.IsWhiteSpace(message[i])) i++;
            if (i == message.Length || (message[i] != '{' && message[i] != '[')) return false;
            try
            {
                using JsonDocument document = JsonDocument.Parse(message);
                return Condition.Evaluate(document.RootElement);
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
