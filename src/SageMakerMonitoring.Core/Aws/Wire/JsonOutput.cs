using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Small Utf8JsonReader helpers for reading operation outputs member by member.</summary>
    internal static class JsonOutput
    {
        private const long UnixEpochTicks = 621355968000000000L;

        /// <summary>Moves to the root object's first token; false when the document is not an object.</summary>
        public static bool StartObject(ref Utf8JsonReader reader)
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
        }

        /// <summary>Advances to the next property name of the current object; false at its end.
        /// After it returns true, call <see cref="Utf8JsonReader.Read"/> to reach the value.</summary>
        public static bool NextProperty(ref Utf8JsonReader reader)
        {
            return reader.Read() && reader.TokenType == JsonTokenType.PropertyName;
        }

        /// <summary>Moves to the next array element; false at the array's end (or when the value is null).</summary>
        public static bool NextElement(ref Utf8JsonReader reader)
        {
            return reader.Read() && reader.TokenType != JsonTokenType.EndArray;
        }

        public static bool IsArray(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return true;
            }
            reader.Skip();
            return false;
        }

        public static bool IsObject(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return true;
            }
            reader.Skip();
            return false;
        }

        public static string? String(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return Numeric(ref reader);
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                default:
                    reader.Skip();
                    return null;
            }
        }

        public static double Double(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.GetDouble();
            }
            if (reader.TokenType == JsonTokenType.String)
            {
                if (reader.ValueTextEquals("NaN")) return double.NaN;
                if (reader.ValueTextEquals("Infinity")) return double.PositiveInfinity;
                if (reader.ValueTextEquals("-Infinity")) return double.NegativeInfinity;
                return double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            throw new JsonException("Expected a number but found " + reader.TokenType + ".");
        }

        public static double? NullableDouble(ref Utf8JsonReader reader)
        {
            return reader.TokenType == JsonTokenType.Null ? (double?)null : Double(ref reader);
        }

        public static int? NullableInt32(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TryGetInt32(out int value)) return value;
            return (int)reader.GetDouble();
        }

        public static long? NullableInt64(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TryGetInt64(out long value)) return value;
            return (long)reader.GetDouble();
        }

        public static bool Boolean(ref Utf8JsonReader reader)
        {
            return reader.TokenType == JsonTokenType.True;
        }

        /// <summary>An awsJson timestamp in epoch seconds (fractional allowed), as UTC; ISO-8601 strings are accepted too.</summary>
        public static DateTime EpochSeconds(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (reader.TryGetInt64(out long seconds))
                {
                    return new DateTime(UnixEpochTicks + seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
                }
                double value = reader.GetDouble();
                long milliseconds = (long)Math.Round(value * 1000.0);
                return new DateTime(UnixEpochTicks + milliseconds * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            }
            if (reader.TokenType == JsonTokenType.String)
            {
                return DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            }
            throw new JsonException("Expected a timestamp but found " + reader.TokenType + ".");
        }

        public static DateTime? NullableEpochSeconds(ref Utf8JsonReader reader)
        {
            return reader.TokenType == JsonTokenType.Null ? (DateTime?)null : EpochSeconds(ref reader);
        }

        /// <summary>A CloudWatch Logs timestamp: epoch milliseconds, as UTC.</summary>
        public static DateTime EpochMilliseconds(ref Utf8JsonReader reader)
        {
            long milliseconds = reader.TryGetInt64(out long whole) ? whole : (long)Math.Round(reader.GetDouble());
            return new DateTime(UnixEpochTicks + milliseconds * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        }

        public static DateTime? NullableEpochMilliseconds(ref Utf8JsonReader reader)
        {
            return reader.TokenType == JsonTokenType.Null ? (DateTime?)null : EpochMilliseconds(ref reader);
        }

        /// <summary>Reads one JSON object of a list; the reader is on the object's start token.</summary>
        internal delegate T ObjectReader<T>(ref Utf8JsonReader reader);

        /// <summary>Reads an array of objects (the reader is on the array's start token; anything else gives an empty
        /// list), each through <paramref name="readObject"/>.</summary>
        public static List<T> ObjectList<T>(ref Utf8JsonReader reader, ObjectReader<T> readObject)
        {
            var list = new List<T>();
            if (!IsArray(ref reader)) return list;
            while (NextElement(ref reader))
            {
                if (IsObject(ref reader)) list.Add(readObject(ref reader));
            }
            return list;
        }

        /// <summary>Reads an answer object holding one list of objects and a paging token, skipping anything else.</summary>
        public static List<T> ListPage<T>(ref Utf8JsonReader reader, string listProperty, string tokenProperty, ObjectReader<T> readObject, out string? nextToken)
        {
            var items = new List<T>();
            nextToken = null;
            if (!StartObject(ref reader)) return items;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals(listProperty)) { reader.Read(); items = ObjectList(ref reader, readObject); }
                else if (reader.ValueTextEquals(tokenProperty)) { reader.Read(); nextToken = String(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return items;
        }

        /// <summary>Reads an object of two string members such as a dimension's Name and Value (the reader is on its start
        /// token); an absent member is empty, anything else is skipped.</summary>
        public static KeyValuePair<string, string> StringPair(ref Utf8JsonReader reader, string firstProperty, string secondProperty)
        {
            string first = "", second = "";
            while (NextProperty(ref reader))
            {
                bool isFirst = reader.ValueTextEquals(firstProperty);
                bool isSecond = reader.ValueTextEquals(secondProperty);
                reader.Read();
                if (isFirst) first = String(ref reader) ?? "";
                else if (isSecond) second = String(ref reader) ?? "";
                else reader.Skip();
            }
            return new KeyValuePair<string, string>(first, second);
        }

        public static List<string> StringList(ref Utf8JsonReader reader)
        {
            var list = new List<string>();
            if (!IsArray(ref reader))
            {
                return list;
            }
            while (NextElement(ref reader))
            {
                string? value = String(ref reader);
                if (value != null)
                {
                    list.Add(value);
                }
            }
            return list;
        }

        private static string Numeric(ref Utf8JsonReader reader)
        {
            return System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
        }
    }
}
