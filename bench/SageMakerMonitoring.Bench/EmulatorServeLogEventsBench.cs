using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Protocols;
using SageMakerMonitoring.Emulator.Services.Logs;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// The emulator serving FilterLogEvents in process over the synthetic 1,000,000-event training job (16 host streams
    /// of 62,500): request parse, the service, and the answer written as the host writes it, over the job's first
    /// pages, in events/s. Baseline: a bare Utf8JsonWriter writing the same answers from plain arrays.
    /// </summary>
    public sealed class EmulatorServeLogEventsBench : IBenchEntry
    {
        private const int Rounds = 3;
        private const int Pages = 25;
        private const string Group = "/aws/sagemaker/TrainingJobs";
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { SkipValidation = true };
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        public string Name => "emulator-serve-filterlogevents";

        public BenchFigure Run()
        {
            var clock = new EmulatorClock();
            clock.Freeze(Now);
            var service = new LogsService(new EmulatorContext(clock));
            if (!service.TryControl("synthetic", JsonNode.Parse(
                    $"{{\"logGroupName\":\"{Group}\",\"jobName\":\"bench-train\",\"streams\":16,\"eventsPerStream\":62500," +
                    "\"start\":\"2026-11-28T07:00:00Z\",\"intervalMs\":10}")!.AsObject(), out _))
                throw new InvalidOperationException("The logs service has no synthetic control action.");

            // One pass to learn the page requests (each carries the previous page's token) and the answers' content.
            var requests = new List<byte[]>();
            var answers = new List<AnswerPage>();
            string? token = null;
            do
            {
                string request = $"{{\"logGroupName\":\"{Group}\",\"logStreamNamePrefix\":\"bench-train/\"" +
                                 (token == null ? "" : $",\"nextToken\":\"{token}\"") + "}";
                requests.Add(Encoding.UTF8.GetBytes(request));
                JsonObject page = service.Handle("FilterLogEvents", JsonNode.Parse(request)!.AsObject())!.AsObject();
                answers.Add(AnswerPage.From(page));
                token = page["nextToken"]?.GetValue<string>();
            } while (token != null && requests.Count < Pages);
            long events = answers.Sum(a => (long)a.Count);
            if (events < 100_000) throw new InvalidOperationException($"The first {requests.Count} pages served only {events} events.");

            var buffer = new ArrayBufferWriter<byte>(2 << 20);
            long bytes = 0;
            var (serve, write) = InterleavedRounds.Best(Rounds,
                () =>
                {
                    foreach (byte[] request in requests)
                    {
                        buffer.Clear();
                        object? answer = JsonServiceCall.Execute(service, "FilterLogEvents", JsonNode.Parse(request)!.AsObject());
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
            return new BenchFigure(Name, events / serve.TotalSeconds, events / write.TotalSeconds, "events/s");
        }

        /// <summary>One FilterLogEvents answer as plain arrays.</summary>
        private sealed class AnswerPage
        {
            private readonly List<(string Stream, long Timestamp, string Message, long Ingestion, string EventId)> _events =
                new List<(string, long, string, long, string)>();
            private readonly List<string> _searched = new List<string>();
            private string? _nextToken;

            public int Count => _events.Count;

            public static AnswerPage From(JsonObject page)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer)) JsonProtocolWriter.WriteNode(writer, page);
                using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
                var answer = new AnswerPage();
                foreach (JsonElement e in document.RootElement.GetProperty("events").EnumerateArray())
                {
                    answer._events.Add((e.GetProperty("logStreamName").GetString()!, e.GetProperty("timestamp").GetInt64(),
                        e.GetProperty("message").GetString()!, e.GetProperty("ingestionTime").GetInt64(), e.GetProperty("eventId").GetString()!));
                }
                if (document.RootElement.TryGetProperty("searchedLogStreams", out JsonElement searched))
                {
                    foreach (JsonElement s in searched.EnumerateArray())
                        answer._searched.Add(s.TryGetProperty("logStreamName", out JsonElement name) ? name.GetString()! : "");
                }
                answer._nextToken = document.RootElement.TryGetProperty("nextToken", out JsonElement next) ? next.GetString() : null;
                return answer;
            }

            public void WriteTo(Utf8JsonWriter writer)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("events");
                foreach (var (stream, timestamp, message, ingestion, eventId) in _events)
                {
                    writer.WriteStartObject();
                    writer.WriteString("logStreamName", stream);
                    writer.WriteNumber("timestamp", timestamp);
                    writer.WriteString("message", message);
                    writer.WriteNumber("ingestionTime", ingestion);
                    writer.WriteString("eventId", eventId);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteStartArray("searchedLogStreams");
                foreach (string name in _searched)
                {
                    writer.WriteStartObject();
                    writer.WriteString("logStreamName", name);
                    writer.WriteBoolean("searchedCompletely", false);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                if (_nextToken != null) writer.WriteString("nextToken", _nextToken);
                writer.WriteEndObject();
            }
        }
    }
}
