using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Http;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Protocols
{
    /// <summary>Writes awsQuery XML answers: &lt;{Op}Response&gt;&lt;{Op}Result&gt;…, arrays as &lt;member&gt;, timestamps
    /// ISO-8601; errors as &lt;ErrorResponse&gt; with the query code.</summary>
    public static class QueryProtocolWriter
    {
        private static readonly XmlWriterSettings Settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = false,
            OmitXmlDeclaration = false,
        };

        public static Task WriteResultAsync(HttpResponse response, string operation, JsonNode? result, string xmlNamespace, string requestId)
        {
            var stream = new MemoryStream(4096);
            using (XmlWriter writer = XmlWriter.Create(stream, Settings))
            {
                writer.WriteStartElement(operation + "Response", xmlNamespace);
                if (result is JsonObject obj)
                {
                    writer.WriteStartElement(operation + "Result", xmlNamespace);
                    foreach (var pair in obj) WriteMember(writer, pair.Key, pair.Value);
                    writer.WriteEndElement();
                }
                writer.WriteStartElement("ResponseMetadata", xmlNamespace);
                writer.WriteElementString("RequestId", xmlNamespace, requestId);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            response.StatusCode = 200;
            return WriteBodyAsync(response, stream);
        }

        public static Task WriteErrorAsync(HttpResponse response, AwsErrorException error, string xmlNamespace, string requestId)
        {
            var stream = new MemoryStream(512);
            using (XmlWriter writer = XmlWriter.Create(stream, Settings))
            {
                writer.WriteStartElement("ErrorResponse", xmlNamespace);
                writer.WriteStartElement("Error", xmlNamespace);
                writer.WriteElementString("Type", xmlNamespace, error.SenderFault ? "Sender" : "Receiver");
                writer.WriteElementString("Code", xmlNamespace, error.QueryCode ?? error.Code);
                writer.WriteElementString("Message", xmlNamespace, error.Message);
                writer.WriteEndElement();
                writer.WriteElementString("RequestId", xmlNamespace, requestId);
                writer.WriteEndElement();
            }
            response.StatusCode = error.StatusCode;
            return WriteBodyAsync(response, stream);
        }

        private static void WriteMember(XmlWriter writer, string name, JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return;
                case JsonArray array:
                    writer.WriteStartElement(name);
                    foreach (JsonNode? item in array) WriteMember(writer, "member", item);
                    writer.WriteEndElement();
                    return;
                case JsonObject obj:
                    writer.WriteStartElement(name);
                    foreach (var pair in obj) WriteMember(writer, pair.Key, pair.Value);
                    writer.WriteEndElement();
                    return;
                case JsonValue value:
                    string? text = FormatValue(value);
                    if (text is null) return;
                    writer.WriteElementString(name, text);
                    return;
            }
        }

        internal static string? FormatValue(JsonValue value)
        {
            if (value.TryGetValue<string>(out string? s)) return s;
            switch (value.GetValueKind())
            {
                case JsonValueKind.Null: return null;
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Number:
                    if (value.TryGetValue<long>(out long l)) return l.ToString(CultureInfo.InvariantCulture);
                    if (value.TryGetValue<double>(out double d)) return d.ToString("R", CultureInfo.InvariantCulture);
                    return value.ToJsonString();
            }
            if (value.TryGetValue<DateTime>(out DateTime dateTime)) return Iso8601(JsonProtocolWriter.AsUtc(dateTime));
            if (value.TryGetValue<DateTimeOffset>(out DateTimeOffset offset)) return Iso8601(offset.UtcDateTime);
            if (value.TryGetValue<JsonElement>(out JsonElement element) && element.ValueKind == JsonValueKind.String) return element.GetString();
            return value.ToJsonString();
        }

        public static string Iso8601(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private static async Task WriteBodyAsync(HttpResponse response, MemoryStream stream)
        {
            response.ContentType = "text/xml";
            response.ContentLength = stream.Length;
            await response.Body.WriteAsync(stream.GetBuffer().AsMemory(0, (int)stream.Length)).ConfigureAwait(false);
        }
    }
}
