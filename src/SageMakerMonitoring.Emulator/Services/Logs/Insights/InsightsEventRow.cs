using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>
    /// One log event seen by a query: the system fields <c>@timestamp @message @logStream @log @ingestionTime</c>
    /// plus, when the message is a JSON object, its properties (nested names joined with dots, array items by
    /// index: <c>a.b</c>, <c>items.0</c>), parsed on first use.
    /// </summary>
    internal sealed class InsightsEventRow : IInsightsRow
    {
        private readonly string _logField;
        private Dictionary<string, object?>? _discovered;
        private string? _message;

        public InsightsEventRow(string logField, LogStreamState stream, int index)
        {
            _logField = logField;
            Stream = stream;
            Index = index;
        }

        public LogStreamState Stream { get; }
        public int Index { get; }

        public string Message => _message ??= Stream.Events.GetMessage(Index);

        public long Timestamp => Stream.Events.GetTimestamp(Index);

        /// <summary>Opaque pointer to the event (what GetLogRecord would take).</summary>
        public string Pointer =>
            Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Stream.Id}:{Stream.Events.GetSequence(Index)}:{Timestamp}")));

        public object? GetField(string name)
        {
            switch (name)
            {
                case "@timestamp": return new InsightsTimestamp(Timestamp);
                case "@ingestionTime": return new InsightsTimestamp(Stream.Events.GetIngestionTime(Index));
                case "@message": return Message;
                case "@logStream": return Stream.Name;
                case "@log": return _logField;
            }
            Dictionary<string, object?> fields = _discovered ??= Discover(Message);
            return fields.TryGetValue(name, out object? value) ? value : null;
        }

        private static readonly Dictionary<string, object?> NoFields = new Dictionary<string, object?>();

        private static Dictionary<string, object?> Discover(string message)
        {
            int i = 0;
            while (i < message.Length && char.IsWhiteSpace(message[i])) i++;
            if (i == message.Length || message[i] != '{') return NoFields;
            try
            {
                using JsonDocument document = JsonDocument.Parse(message);
                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                Flatten(document.RootElement, "", fields);
                return fields;
            }
            catch (JsonException)
            {
                return NoFields;
            }
        }

        private static void Flatten(JsonElement element, string prefix, Dictionary<string, object?> fields)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (JsonProperty property in element.EnumerateObject())
                        Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, fields);
                    break;
                case JsonValueKind.Array:
                    int index = 0;
                    foreach (JsonElement item in element.EnumerateArray())
                        Flatten(item, prefix + "." + index++.ToString(CultureInfo.InvariantCulture), fields);
                    break;
                case JsonValueKind.String:
                    fields[prefix] = element.GetString();
                    break;
                case JsonValueKind.Number:
                    fields[prefix] = element.GetDouble();
                    break;
                case JsonValueKind.True:
                    fields[prefix] = true;
                    break;
                case JsonValueKind.False:
                    fields[prefix] = false;
                    break;
            }
        }
    }
}
