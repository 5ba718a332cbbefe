using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>A GetMetricData page: MetricDataResults {Id, Label, Timestamps, Values, StatusCode}, NextToken when
    /// there is more, and Messages (always empty). Timestamps are written as epoch seconds (awsJson) or, through
    /// the tree, as DateTime values the query protocol writes as ISO-8601.</summary>
    internal sealed class GetMetricDataAnswer : IJsonAnswer
    {
        public GetMetricDataAnswer(List<MetricDataPageResult> results, string? nextToken)
        {
            Results = results;
            NextToken = nextToken;
        }

        public List<MetricDataPageResult> Results { get; }
        public string? NextToken { get; }

        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("MetricDataResults");
            writer.WriteStartArray();
            foreach (MetricDataPageResult result in Results)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", result.Id);
                writer.WriteString("Label", result.Label);
                writer.WritePropertyName("Timestamps");
                writer.WriteStartArray();
                foreach (long time in result.Timestamps) writer.WriteNumberValue(time);
                writer.WriteEndArray();
                writer.WritePropertyName("Values");
                writer.WriteStartArray();
                foreach (double value in result.Values) writer.WriteNumberValue(value);
                writer.WriteEndArray();
                writer.WriteString("StatusCode", result.StatusCode);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (NextToken != null) writer.WriteString("NextToken", NextToken);
            writer.WritePropertyName("Messages");
            writer.WriteStartArray();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        public JsonNode ToTree()
        {
            var results = new JsonArray();
            foreach (MetricDataPageResult result in Results)
            {
                var timestamps = new JsonNode?[result.Timestamps.Length];
                var values = new JsonNode?[result.Values.Length];
                for (var i = 0; i < timestamps.Length; i++)
                {
                    timestamps[i] = JsonValue.Create(RequestReader.FromEpochSeconds(result.Timestamps[i]));
                    values[i] = JsonValue.Create(result.Values[i]);
                }
                results.Add(new JsonObject
                {
                    ["Id"] = result.Id,
                    ["Label"] = result.Label,
                    ["Timestamps"] = new JsonArray(timestamps),
                    ["Values"] = new JsonArray(values),
                    ["StatusCode"] = result.StatusCode,
                });
            }
            var output = new JsonObject { ["MetricDataResults"] = results };
            if (NextToken != null) output["NextToken"] = NextToken;
            output["Messages"] = new JsonArray();
            return output;
        }
    }
}
