using System.Text.Json;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// An operation's output that writes itself, for answers too large to build as a JSON tree (a 10,000-event
    /// FilterLogEvents page, a 100,800-datapoint GetMetricData page). Both forms describe the same output shape.
    /// </summary>
    public interface IJsonAnswer
    {
        /// <summary>Writes the output as awsJson: field names as in the service model, timestamps as epoch seconds.</summary>
        void WriteTo(Utf8JsonWriter writer);

        /// <summary>The same output as the tree <see cref="IJsonService.Handle"/> returns (DateTime values for
        /// timestamps), for the query (XML) protocol and for callers that inspect the answer.</summary>
        JsonNode ToTree();
    }
}
