using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// Lenient readers for request trees. The JSON protocol gives numbers, booleans and epoch-second timestamps as JSON
    /// values; the query protocol gives every value as a string (timestamps ISO-8601). These accept both, so a service
    /// reads its input the same way whatever the wire was. Missing members read as null; malformed values throw a 400.
    /// </summary>
    public static class JsonRequestReader
    {
        public static string? GetString(this JsonObject? obj, string name) => AsString(Member(obj, name), name);

        public static int? GetInt(this JsonObject? obj, string name)
        {
            long? value = GetLong(obj, name);
            if (value is null) return null;
            if (value < int.MinValue || value > int.MaxValue) throw Malformed(name, value.Value.ToString(CultureInfo.InvariantCulture), "an integer");
            return (int)value.Value;
        }

        public static long? GetLong(this JsonObject? obj, string name) => AsLong(Member(obj, name), name);

        public static double? GetDouble(this JsonObject? obj, string name) => AsDouble(Member(obj, name), name);

        public static bool? GetBool(this JsonObject? obj, string name) => AsBool(Member(obj, name), name);

        public static DateTime? GetDateTime(this JsonObject? obj, string name) => AsDateTime(Member(obj, name), name);

        public static JsonObject? GetObject(this JsonObject? obj, string name) => Member(obj, name) as JsonObject;

        /// <summary>The array member; an empty string (how the query protocol sends an empty list) reads as empty.</summary>
        public static JsonArray? GetArray(this JsonObject? obj, string name)
        {
            JsonNode? node = Member(obj, name);
            if (node is null) return null;
            if (node is JsonArray array) return array;
            if (node is JsonValue value && value.TryGetValue<string>(out string? s) && s.Length == 0) return new JsonArray();
            throw Malformed(name, node.ToJsonString(), "a list");
        }

        /// <summary>The string items of an array member (empty when missing).</summary>
        public static IReadOnlyList<string> GetStringList(this JsonObject? obj, string name)
        {
            JsonArray? array = GetArray(obj, name);
            if (array is null || array.Count == 0) return Array.Empty<string>();
            var list = new List<string>(array.Count);
            foreach (JsonNode? item in array)
            {
                string? s = AsString(item, name);
                if (s != null) list.Add(s);
            }
            return list;
        }

        public static string? AsString(JsonNode? node, string name = "value")
        {
            if (node is null) return null;
            if (node is not JsonValue value) throw Malformed(name, node.ToJsonString(), "a string");
            if (value.TryGetValue<string>(out string? s)) return s;
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number: return value.ToJsonString();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Null: return null;
            }
            if (value.TryGetValue<DateTime>(out DateTime dt)) return dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
            return value.ToJsonString();
        }

        public static long? AsLong(JsonNode? node, string name = "value")
        {
            if (node is null) return null;
            if (node is JsonValue value)
            {
                if (value.TryGetValue<long>(out long l)) return l;
                if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out double d) && d == Math.Floor(d)
                    && d >= long.MinValue && d <= long.MaxValue) return (long)d;
                if (value.TryGetValue<string>(out string? s))
                {
                    if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed)) return parsed;
                    throw Malformed(name, s, "an integer");
                }
                if (value.GetValueKind() == JsonValueKind.Null) return null;
            }
            throw Malformed(name, node.ToJsonString(), "an integer");
        }

        public static double? AsDouble(JsonNode? node, string name = "value")
        {
            if (node is null) return null;
            if (node is JsonValue value)
            {
                if (value.TryGetValue<double>(out double d)) return d;
                if (value.TryGetValue<string>(out string? s))
                {
                    if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)) return parsed;
                    throw Malformed(name, s, "a number");
                }
                if (value.GetValueKind() == JsonValueKind.Null) return null;
            }
            throw Malformed(name, node.ToJsonString(), "a number");
        }

        public static bool? AsBool(JsonNode? node, string name = "value")
        {
            if (node is null) return null;
            if (node is JsonValue value)
            {
                switch (value.GetValueKind())
                {
                    case JsonValueKind.True: return true;
                    case JsonValueKind.False: return false;
                    case JsonValueKind.Null: return null;
                }
                if (value.TryGetValue<string>(out string? s))
                {
                    if (string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (string.Equals(s, "false", StringComparison.OrdinalIgnoreCase)) return false;
                    throw Malformed(name, s, "a boolean");
                }
            }
            throw Malformed(name, node.ToJsonString(), "a boolean");
        }

        /// <summary>Epoch seconds (number or numeric string), ISO-8601 string, or a DateTime value; always UTC.</summary>
        public static DateTime? AsDateTime(JsonNode? node, string name = "value")
        {
            if (node is null) return null;
            if (node is JsonValue value)
            {
                if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out double seconds)) return FromEpochSeconds(seconds, name);
                if (value.TryGetValue<string>(out string? s))
                {
                    if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsedSeconds)) return FromEpochSeconds(parsedSeconds, name);
                    if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset dto))
                        return dto.UtcDateTime;
                    throw Malformed(name, s, "a timestamp");
                }
                if (value.TryGetValue<DateTime>(out DateTime dt)) return dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime();
                if (value.TryGetValue<DateTimeOffset>(out DateTimeOffset offset)) return offset.UtcDateTime;
                if (value.GetValueKind() == JsonValueKind.Null) return null;
            }
            throw Malformed(name, node.ToJsonString(), "a timestamp");
        }

        private static DateTime FromEpochSeconds(double seconds, string name)
        {
            if (double.IsNaN(seconds) || seconds < -62135596800d || seconds > 253402300799d)
                throw Malformed(name, seconds.ToString("R", CultureInfo.InvariantCulture), "a timestamp");
            return DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }

        private static JsonNode? Member(JsonObject? obj, string name) =>
            obj != null && obj.TryGetPropertyValue(name, out JsonNode? node) ? node : null;

        private static AwsErrorException Malformed(string name, string value, string expected) =>
            new AwsErrorException("ValidationException",
                $"1 validation error detected: Value '{value}' at '{name}' failed to satisfy constraint: Member must be {expected}",
                400, queryCode: "InvalidParameterValue");
    }
}
