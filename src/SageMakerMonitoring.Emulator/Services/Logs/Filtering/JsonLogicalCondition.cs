using System.Text.Json;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary><c>a &amp;&amp; b</c> or <c>a || b</c>.</summary>
    internal sealed class JsonLogicalCondition : JsonCondition
    {
        public JsonLogicalCondition(bool isAnd, JsonCondition left, JsonCondition right)
        {
            IsAnd = isAnd;
            Left = left;
            Right = right;
        }

        public bool IsAnd { get; }
        public JsonCondition Left { get; }
        public JsonCondition Right { get; }

        public override bool Evaluate(JsonElement root) =>
            IsAnd ? Left.Evaluate(root) && Right.Evaluate(root) : Left.Evaluate(root) || Right.Evaluate(root);
    }
}
