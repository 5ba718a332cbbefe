using System.Text.Json;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>A boolean expression inside a JSON filter pattern <c>{ ... }</c>.</summary>
    internal abstract class JsonCondition
    {
        public abstract bool Evaluate(JsonElement root);
    }
}
