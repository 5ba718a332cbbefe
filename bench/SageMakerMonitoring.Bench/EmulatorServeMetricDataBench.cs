using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Protocols;
using SageMakerMonitoring.Emulator.Services.CloudWatch;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// The emulator serving GetMetricData in process over the benchmark workload (16 hosts × 5 metrics × 3 h at 1 s,
    /// 864,000 datapoints in 9 pages): request parse, the service, and the answer written as the host writes it, in
    /// datapoints/s. Baseline: a bare Utf8JsonWriter writing the same answers from plain arrays.
    /// </summary>
    public sealed class EmulatorServeMetricDataBench : IBenchEntry
    {
        private const int Rounds = 3;
        private const string Namespace = "/aws/sagemaker/TrainingJobs";
        private static readonly string[] Metrics = { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" };
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { SkipValidation = true };
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        public string Name => "emulator-serve-getmetricdata";

        public BenchFigure Run()
        {
            var clock = new EmulatorClock();
            clock.Freeze(Now);
            var service = new CloudWatchService(new EmulatorContext(clock));
            long end = new DateTimeOffset(Now).ToUnixTimeSeconds();
            service.TryControl("synthetic", JsonNode.Parse(
                $"{{\"namespace\":\"{Namespace}\",\"jobName\":\"bench-train\",\"hosts\":16,\"metrics\":[{string.Join(",", Metrics.Select(m => $"\"{m}\""))}]," +
                $"\"seconds\":10800,\"resolution\":1,\"end\":\"{Now:yyyy-MM-ddTHH:mm:ssZ}\"}}")!.AsObject(), out _);

            // One pass to learn the page requests (each carries the previous page's token) and the answers' content.
            string queries = string.Join(",",
                from host in Enumerable.Range(1, 16)
                from metric in Metrics
                select $"{{\"Id\":\"h{host}_{metric.ToLowerInvariant()}\",\"MetricStat\":{{\"Metric\":{{\"Namespace\":\"{Namespace}\",\"MetricName\":\"{metric}\"," +
                       $"\"Dimensions\":[{{\"Name\":\"Host\",\"Value\":\"bench-train/algo-{host}\"}}]}},\"Period\":1,\"Stat\":\"Average\"}}}}");
            var requests = new List<byte[]>();
            var answers = new List<AnswerPage>();
            string? token = null;
            do
            {
                string request = $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{end - 10800},\"EndTime\":{end}" +
                                 (token == null ? "" : $",\"NextToken\":\"{token}\"") + "}";
                requests.Add(Encoding.UTF8.GetBytes(request));
                JsonObject page = service.Handle("GetMetricData", JsonNode.Parse(request)!.AsObject())!.AsObject();
                answers.Add(AnswerPage.From(page));
                token = page["NextToken"]?.GetValue<string>();
            } while (token != null && requests.Count < 1_000);
            long points = answers.Sum(a => a.Points);
            if (points != 864_000) throw new InvalidOperationException($"The workload served {points} datapoints, not 864,000.");

            var buffer = new ArrayBufferWriter<byte>(8 << 20);
            long bytes = 0;
            var (serve, write) = InterleavedRounds.Best(Rounds,
                () =>
                {
                    foreach (byte[] request in requests)
                    {
                        buffer.Clear();
                        object? answer = JsonServiceCall.Execute(service, "GetMetricData", JsonNode.Parse(request)!.AsObject());
                        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) JsonServiceCall.Write(writer, answer);
                        bytes += buffer.WrittenCount;
                    }
                },
                () =>
                {
                    foreach (AnswerPage answer in answers)
                    {
                        buffer.Clear();
                        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) answer.WriteTo(writer);
                        bytes += buffer.WrittenCount;
                    }
                });
            GC.KeepAlive(bytes);
            return new BenchFigure(Name, points / serve.TotalSeconds, points / write.TotalSeconds, "datapoints/s");
        }

        /// <summary>One GetMetricData answer as plain arrays.</summary>
        private sealed class AnswerPage
        {
            private readonly List<(string Id, string Label, long[] Timestamps, double[] Values, string Status)> _results =
                new List<(string, string, long[], double[], string)>();
            private string? _nextToken;

            public long Points => _results.Sum(r => (long)r.Values.Length);

            public static AnswerPage From(JsonObject page)
            {
                // The host's bytes, read back: the same numbers the service produced.
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer)) JsonProtocolWriter.WriteNode(writer, page);
                using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
                var answer = new AnswerPage();
                foreach (JsonElement result in document.RootElement.GetProperty("MetricDataResults").EnumerateArray())
                {
                    answer._results.Add((
                        result.GetProperty("Id").GetString()!,
                        result.TryGetProperty("Label", out JsonElement label) ? label.GetString()! : "",
                        result.GetProperty("Timestamps").EnumerateArray().Select(t => t.GetInt64()).ToArray(),
                        result.GetProperty("Values").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                        result.TryGetProperty("StatusCode", out JsonElement status) ? status.GetString()! : "Complete"));
                }
                answer._nextToken = document.RootElement.TryGetProperty("NextToken", out JsonElement next) ? next.GetString() : null;
                return answer;
            }

            public void WriteTo(Utf8JsonWriter writer)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("MetricDataResults");
                foreach (var (id, label, timestamps, values, status) in _results)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Id", id);
                    writer.WriteString("Label", label);
                    writer.WriteStartArray("Timestamps");
                    foreach (long t in timestamps) writer.WriteNumberValue(t);
                    writer.WriteEndArray();
                    writer.WriteStartArray("Values");
                    foreach (double v in values) writer.WriteNumberValue(v);
                    writer.WriteEndArray();
                    writer.WriteString("StatusCode", status);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                if (_nextToken != null) writer.WriteString("NextToken", _nextToken);
                writer.WriteStartArray("Messages");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }
    }
}
