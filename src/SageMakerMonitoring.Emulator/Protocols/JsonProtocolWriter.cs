using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Protocols
{
    /// <summary>Writes awsJson 1.0/1.1 answers: the output tree with DateTime values as epoch seconds, and errors as
    /// {"__type","message"} (plus x-amzn-query-error for query-compatible services).</summary>
    public static class JsonProtocolWriter
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { SkipValidation = true };

        /// <summary>Writes a result of <see cref="JsonServiceCall.Execute"/>: a self-writing answer, a tree, or null
        /// (an empty object).</summary>
        public static Task WriteResultAsync(HttpResponse response, object? result, string contentType)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) JsonServiceCall.Write(writer, result);
            response.StatusCode = 200;
            return WriteBodyAsync(response, contentType, buffer.WrittenMemory);
        }

        public static Task WriteErrorAsync(HttpResponse response, AwsErrorException error, string contentType, bool queryCompatible)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("__type", error.Code);
                writer.WriteString("message", error.Message);
                if (error.Details != null)
                {
                    foreach (var pair in error.Details)
                    {
                        writer.WritePropertyName(pair.Key);
                        WriteNode(writer, pair.Value);
                    }
                }
                writer.WriteEndObject();
            }
            response.StatusCode = error.StatusCode;
            response.Headers["x-amzn-ErrorType"] = error.Code;
            if (queryCompatible)
                response.Headers["x-amzn-query-error"] = (error.QueryCode ?? error.Code) + ";" + (error.SenderFault ? "Sender" : "Receiver");
            return WriteBodyAsync(response, contentType, buffer.WrittenMemory);
        }

        private static async Task WriteBodyAsync(HttpResponse response, string contentType, ReadOnlyMemory<byte> body)
        {
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body).ConfigureAwait(false);
        }

        /// <summary>Writes a tree; DateTime/DateTimeOffset values become epoch seconds (fractions to the millisecond).</summary>
        public static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
        {
            switch (node)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case JsonObject obj:
                    writer.WriteStartObject();
                    foreach (var pair in obj)
                    {
                        writer.WritePropertyName(pair.Key);
                        WriteNode(writer, pair.Value);
                    }
                    writer.WriteEndObject();
                    return;
                case JsonArray array:
                    writer.WriteStartArray();
                    foreach (JsonNode? item in array) WriteNode(writer, item);
                    writer.WriteEndArray();
                    return;
                case JsonValue value:
                    WriteValue(writer, value);
                    return;
            }
        }

        private static void WriteValue(Utf8JsonWriter writer, JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.String && !value.TryGetValue<JsonElement>(out _) && !value.TryGetValue<string>(out _))
            {
                if (value.TryGetValue<DateTime>(out DateTime dateTime)) { WriteEpochSeconds(writer, new DateTimeOffset(AsUtc(dateTime))); return; }
                if (value.TryGetValue<DateTimeOffset>(out DateTimeOffset offset)) { WriteEpochSeconds(writer, offset); return; }
            }
            value.WriteTo(writer);
        }

        internal static DateTime AsUtc(DateTime value) =>
            value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();

        private static void WriteEpochSeconds(Utf8JsonWriter writer, DateTimeOffset value)
        {
            long milliseconds = value.ToUnixTimeMilliseconds();
            if (milliseconds % 1000 == 0) writer.WriteNumberValue(milliseconds / 1000);
            else writer.WriteNumberValue(milliseconds / 1000m);
        }
    }
}
