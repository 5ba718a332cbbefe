using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>Typed reads of an operation's input tree; wrong types answer InvalidParameterException.</summary>
    internal static class LogsRequest
    {
        public static string? GetString(JsonObject request, string name)
        {
            JsonNode? node = request[name];
            if (node == null) return null;
            if (node is JsonValue value)
            {
                if (value.TryGetValue(out string? s)) return s;
                if (value.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.String) return e.GetString();
            }
            throw LogsErrors.InvalidParameter($"Parameter {name} must be a string.");
        }

        public static string RequireString(JsonObject request, string name)
        {
            string? s = GetString(request, name);
            if (s == null) throw LogsErrors.InvalidParameter($"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");
            return s;
        }

        public static long? GetLong(JsonObject request, string name)
        {
            JsonNode? node = request[name];
            if (node == null) return null;
            if (node is JsonValue value)
            {
                if (value.TryGetValue(out long l)) return l;
                if (value.TryGetValue(out int i)) return i;
                if (value.TryGetValue(out double d) && d == Math.Floor(d)) return (long)d;
                if (value.TryGetValue(out JsonElement e))
                {
                    if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long el)) return el;
                    if (e.ValueKind == JsonValueKind.String && long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long sl)) return sl;
                }
                if (value.TryGetValue(out string? s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed)) return parsed;
            }
            throw LogsErrors.InvalidParameter($"Parameter {name} must be a number.");
        }

        public static int? GetInt(JsonObject request, string name)
        {
            long? l = GetLong(request, name);
            if (l == null) return null;
            if (l.Value > int.MaxValue || l.Value < int.MinValue) throw LogsErrors.InvalidParameter($"Parameter {name} is out of range.");
            return (int)l.Value;
        }

        public static bool? GetBool(JsonObject request, string name)
        {
            JsonNode? node = request[name];
            if (node == null) return null;
            if (node is JsonValue value)
            {
                if (value.TryGetValue(out bool b)) return b;
                if (value.TryGetValue(out JsonElement e))
                {
                    if (e.ValueKind == JsonValueKind.True) return true;
                    if (e.ValueKind == JsonValueKind.False) return false;
                    if (e.ValueKind == JsonValueKind.String && bool.TryParse(e.GetString(), out bool eb)) return eb;
                }
                if (value.TryGetValue(out string? s) && bool.TryParse(s, out bool sb)) return sb;
            }
            throw LogsErrors.InvalidParameter($"Parameter {name} must be a boolean.");
        }

        public static List<string>? GetStringList(JsonObject request, string name)
        {
            JsonNode? node = request[name];
            if (node == null) return null;
            if (node is not JsonArray array) throw LogsErrors.InvalidParameter($"Parameter {name} must be a list.");
            var list = new List<string>(array.Count);
            foreach (JsonNode? item in array)
            {
                string? s = null;
                if (item is JsonValue v)
                {
                    if (!v.TryGetValue(out s) && v.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.String) s = e.GetString();
                }
                if (s == null) throw LogsErrors.InvalidParameter($"Parameter {name} must be a list of strings.");
                list.Add(s);
            }
            return list;
        }

        /// <summary>Reads an instant given as epoch milliseconds or an ISO-8601 string (control actions).</summary>
        public static long? GetInstantMilliseconds(JsonObject request, string name)
        {
            JsonNode? node = request[name];
            if (node == null) return null;
            if (node is JsonValue value)
            {
                string? s = null;
                if (!value.TryGetValue(out s) && value.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.String) s = e.GetString();
                if (s != null)
                {
                    if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime dt))
                        return LogsTime.ToEpochMilliseconds(dt);
                    throw LogsErrors.InvalidParameter($"Parameter {name} is not a valid time.");
                }
            }
            return GetLong(request, name);
        }
    }
}
