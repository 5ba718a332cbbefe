using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>A FilterLogEvents page: events {logStreamName, timestamp, message, ingestionTime, eventId},
    /// searchedLogStreams (always empty) and nextToken when there is more.</summary>
    internal sealed class FilterLogEventsAnswer : IJsonAnswer
    {
        private const int EventIdLength = 56;

        public FilterLogEventsAnswer(List<FilteredLogEvent> events, string? nextToken)
        {
            Events = events;
            NextToken = nextToken;
        }

        public List<FilteredLogEvent> Events { get; }
        public string? NextToken { get; }

        public void WriteTo(Utf8JsonWriter writer)
        {
            Span<char> eventId = stackalloc char[EventIdLength];
            writer.WriteStartObject();
            writer.WritePropertyName("events");
            writer.WriteStartArray();
            foreach (FilteredLogEvent e in Events)
            {
                writer.WriteStartObject();
                writer.WriteString("logStreamName", e.StreamName);
                writer.WriteNumber("timestamp", e.Key.Timestamp);
                writer.WriteString("message", e.Message);
                writer.WriteNumber("ingestionTime", e.Key.IngestionTime);
                FormatEventId(e.Key, eventId);
                writer.WriteString("eventId", eventId);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WritePropertyName("searchedLogStreams");
            writer.WriteStartArray();
            writer.WriteEndArray();
            if (NextToken != null) writer.WriteString("nextToken", NextToken);
            writer.WriteEndObject();
        }

        public JsonNode ToTree()
        {
            var events = new JsonArray();
            Span<char> eventId = stackalloc char[EventIdLength];
            foreach (FilteredLogEvent e in Events)
            {
                FormatEventId(e.Key, eventId);
                events.Add(new JsonObject
                {
                    ["logStreamName"] = e.StreamName,
                    ["timestamp"] = e.Key.Timestamp,
                    ["message"] = e.Message,
                    ["ingestionTime"] = e.Key.IngestionTime,
                    ["eventId"] = eventId.ToString(),
                });
            }
            var response = new JsonObject { ["events"] = events, ["searchedLogStreams"] = new JsonArray() };
            if (NextToken != null) response["nextToken"] = NextToken;
            return response;
        }

        /// <summary>56 digits: timestamp, stream id, sequence — unique per event and stable across calls.</summary>
        private static void FormatEventId(LogEventKey key, Span<char> buffer)
        {
            var w = new SpanTextWriter(buffer);
            w.AppendPadded(key.Timestamp, 20);
            w.AppendPadded(key.StreamId, 16);
            w.AppendPadded(key.Sequence, 20);
        }
    }
}
