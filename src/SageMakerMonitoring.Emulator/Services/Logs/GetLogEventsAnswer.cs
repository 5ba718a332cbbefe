using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>A GetLogEvents page: events {timestamp, message, ingestionTime}, copied out of the stream while the
    /// service holds its lock, and both tokens.</summary>
    internal sealed class GetLogEventsAnswer : IJsonAnswer
    {
        private readonly long[] _timestamps;
        private readonly string[] _messages;
        private readonly long[] _ingestionTimes;
        private readonly string _nextForward;
        private readonly string _nextBackward;

        /// <summary>Copies the events [first, last) of the store; call under the lock that guards it.</summary>
        public GetLogEventsAnswer(LogEventStore store, int first, int last, string nextForward, string nextBackward)
        {
            int count = last - first;
            _timestamps = new long[count];
            _messages = new string[count];
            _ingestionTimes = new long[count];
            for (int i = 0; i < count; i++)
            {
                _timestamps[i] = store.GetTimestamp(first + i);
                _messages[i] = store.GetMessage(first + i);
                _ingestionTimes[i] = store.GetIngestionTime(first + i);
            }
            _nextForward = nextForward;
            _nextBackward = nextBackward;
        }

        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("events");
            writer.WriteStartArray();
            for (int i = 0; i < _timestamps.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("timestamp", _timestamps[i]);
                writer.WriteString("message", _messages[i]);
                writer.WriteNumber("ingestionTime", _ingestionTimes[i]);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteString("nextForwardToken", _nextForward);
            writer.WriteString("nextBackwardToken", _nextBackward);
            writer.WriteEndObject();
        }

        public JsonNode ToTree()
        {
            var events = new JsonArray();
            for (int i = 0; i < _timestamps.Length; i++)
            {
                events.Add(new JsonObject
                {
                    ["timestamp"] = _timestamps[i],
                    ["message"] = _messages[i],
                    ["ingestionTime"] = _ingestionTimes[i],
                });
            }
            return new JsonObject
            {
                ["events"] = events,
                ["nextForwardToken"] = _nextForward,
                ["nextBackwardToken"] = _nextBackward,
            };
        }
    }
}
