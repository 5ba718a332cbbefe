using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// A service that can answer some operations with a self-writing <see cref="IJsonAnswer"/> instead of a tree.
    /// The host asks here first for JSON-protocol requests; <see cref="IJsonService.Handle"/> must still answer the
    /// same operations (with <see cref="IJsonAnswer.ToTree"/>).
    /// </summary>
    public interface IJsonAnswerService : IJsonService
    {
        /// <summary>Executes the operation when it is one answered directly; null when the host should call
        /// <see cref="IJsonService.Handle"/> instead. Throws <see cref="AwsErrorException"/> like Handle.</summary>
        IJsonAnswer? HandleAnswer(string operation, JsonObject request);
    }
}
