using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Protocols;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Executes one operation and writes its awsJson output the way the host answers a JSON-protocol request.</summary>
    public static class JsonServiceCall
    {
        /// <summary>Runs the operation; the result is either a self-writing answer or a tree (possibly null).</summary>
        public static object? Execute(IJsonService service, string operation, JsonObject request)
        {
            if (service is IJsonAnswerService direct)
            {
                IJsonAnswer? answer = direct.HandleAnswer(operation, request);
                if (answer != null) return answer;
            }
            return service.Handle(operation, request);
        }

        /// <summary>Writes a result of <see cref="Execute"/> as awsJson.</summary>
        public static void Write(Utf8JsonWriter writer, object? result)
        {
            switch (result)
            {
                case IJsonAnswer answer:
                    answer.WriteTo(writer);
                    return;
                case JsonNode node:
                    JsonProtocolWriter.WriteNode(writer, node);
                    return;
                default:
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                    return;
            }
        }

        /// <summary>A result of <see cref="Execute"/> as a tree, for the query protocol.</summary>
        public static JsonNode? AsTree(object? result) => result is IJsonAnswer answer ? answer.ToTree() : (JsonNode?)result;
    }
}
