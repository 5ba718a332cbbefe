using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Writes an operation's input document, with the awsJson encodings for timestamps.</summary>
    internal static class JsonInput
    {
        private const long UnixEpochTicks = 621355968000000000L;

        public static byte[] Write(Action<Utf8JsonWriter> writeMembers)
        {
            using (var stream = new MemoryStream(256))
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writeMembers(writer);
                    writer.WriteEndObject();
                }
                return stream.ToArray();
            }
        }

        /// <summary>Epoch seconds, fractional when the time has sub-second precision (CloudWatch, EventBridge, SageMaker).</summary>
        public static void WriteEpochSeconds(this Utf8JsonWriter writer, string name, DateTime time)
        {
            long ticks = ToUniversal(time).Ticks - UnixEpochTicks;
            if (ticks % TimeSpan.TicksPerSecond == 0)
            {
                writer.WriteNumber(name, ticks / TimeSpan.TicksPerSecond);
            }
            else
            {
                writer.WriteNumber(name, ticks / (decimal)TimeSpan.TicksPerSecond);
            }
        }

        /// <summary>Whole epoch seconds (Logs Insights StartQuery).</summary>
        public static void WriteWholeEpochSeconds(this Utf8JsonWriter writer, string name, DateTime time)
        {
            writer.WriteNumber(name, (ToUniversal(time).Ticks - UnixEpochTicks) / TimeSpan.TicksPerSecond);
        }

        /// <summary>Epoch milliseconds (CloudWatch Logs).</summary>
        public static void WriteEpochMilliseconds(this Utf8JsonWriter writer, string name, DateTime time)
        {
            writer.WriteNumber(name, (ToUniversal(time).Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond);
        }

        public static void WriteStringIfSet(this Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        public static void WriteNumberIfSet(this Utf8JsonWriter writer, string name, int? value)
        {
            if (value.HasValue)
            {
                writer.WriteNumber(name, value.Value);
            }
        }

        public static void WriteStringArray(this Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
        {
            writer.WriteStartArray(name);
            for (int i = 0; i < values.Count; i++)
            {
                writer.WriteStringValue(values[i]);
            }
            writer.WriteEndArray();
        }

        /// <summary>awsJson doubles: non-finite values travel as the strings "NaN", "Infinity", "-Infinity".</summary>
        public static void WriteDoubleValue(this Utf8JsonWriter writer, double value)
        {
            if (double.IsNaN(value)) writer.WriteStringValue("NaN");
            else if (double.IsPositiveInfinity(value)) writer.WriteStringValue("Infinity");
            else if (double.IsNegativeInfinity(value)) writer.WriteStringValue("-Infinity");
            else writer.WriteNumberValue(value);
        }

        private static DateTime ToUniversal(DateTime time)
        {
            return time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        }
    }
}
