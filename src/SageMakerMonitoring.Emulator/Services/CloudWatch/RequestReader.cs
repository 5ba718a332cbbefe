using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// Lenient readers over an operation's request tree. The awsJson protocol gives numbers and epoch-second
    /// timestamps; the query protocol gives every scalar as a string and timestamps as ISO-8601. Both are accepted.
    /// </summary>
    internal static class RequestReader
    {
        public static string? GetString(JsonObject obj, string name)
        {
            var node = obj[name];
            if (node is JsonValue value)
            {
                if (value.TryGetValue(out string? text)) return text;
                return value.ToJsonString();
            }
            return null;
        }

        public static JsonArray? GetArray(JsonObject obj, string name)
        {
            var node = obj[name];
            if (node is JsonArray array) return array;
            if (node is JsonObject single)
            {
                // A query-protocol list whose "member" wrapper was not unwrapped.
                if (single["member"] is JsonArray members) return members;
            }
            return null;
        }

        public static JsonObject? GetObject(JsonObject obj, string name) => obj[name] as JsonObject;

        public static bool Has(JsonObject obj, string name) => obj[name] != null;

        public static bool TryGetDouble(JsonNode? node, out double result)
        {
            result = 0;
            if (node is not JsonValue value) return false;
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    if (value.TryGetValue(out double d)) { result = d; return true; }
                    if (value.TryGetValue(out long l)) { result = l; return true; }
                    if (value.TryGetValue(out int i)) { result = i; return true; }
                    if (value.TryGetValue(out decimal m)) { result = (double)m; return true; }
                    return double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
                case JsonValueKind.String:
                    var text = value.GetValue<string>().Trim();
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result)) return true;
                    switch (text)
                    {
                        case "NaN": result = double.NaN; return true;
                        case "Infinity": result = double.PositiveInfinity; return true;
                        case "-Infinity": result = double.NegativeInfinity; return true;
                    }
                    return false;
                default:
                    return false;
            }
        }

        public static bool TryGetInteger(JsonNode? node, out long result)
        {
            result = 0;
            if (!TryGetDouble(node, out var d)) return false;
            if (double.IsNaN(d) || double.IsInfinity(d) || Math.Floor(d) != d || Math.Abs(d) > 9.0e15) return false;
            result = (long)d;
            return true;
        }

        public static bool TryGetBoolean(JsonNode? node, out bool result)
        {
            result = false;
            if (node is not JsonValue value) return false;
            switch (value.GetValueKind())
            {
                case JsonValueKind.True: result = true; return true;
                case JsonValueKind.False: result = false; return true;
                case JsonValueKind.String: return bool.TryParse(value.GetValue<string>(), out result);
                default: return false;
            }
        }

        /// <summary>Reads a timestamp as epoch seconds: a number, a numeric string, an ISO-8601 string, or a DateTime value.</summary>
        public static bool TryGetEpochSeconds(JsonNode? node, out double epochSeconds)
        {
            epochSeconds = 0;
            if (node is not JsonValue value) return false;
            if (value.TryGetValue(out DateTime dateTime))
            {
                epochSeconds = ToEpochSeconds(dateTime);
                return true;
            }
            if (value.TryGetValue(out DateTimeOffset offset))
            {
                epochSeconds = ToEpochSeconds(offset.UtcDateTime);
                return true;
            }
            if (TryGetDouble(node, out epochSeconds)) return !double.IsNaN(epochSeconds) && !double.IsInfinity(epochSeconds);
            if (value.GetValueKind() == JsonValueKind.String)
            {
                var text = value.GetValue<string>().Trim();
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    epochSeconds = ToEpochSeconds(parsed.UtcDateTime);
                    return true;
                }
            }
            return false;
        }

        public static double ToEpochSeconds(DateTime dateTime)
        {
            var utc = dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : dateTime;
            return (utc.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;
        }

        public static DateTime FromEpochSeconds(long epochSeconds) =>
            new DateTime(DateTime.UnixEpoch.Ticks + epochSeconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
