using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Http;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.S3
{
    /// <summary>Writes S3's XML documents (results and &lt;Error&gt;) to a response.</summary>
    public static class S3XmlWriter
    {
        public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

        private static readonly XmlWriterSettings Settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };

        public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        /// <summary>Builds a document with <paramref name="write"/> and sends it with the given status.</summary>
        public static async Task WriteAsync(HttpResponse response, int statusCode, Action<XmlWriter> write)
        {
            var stream = new MemoryStream(1024);
            using (XmlWriter writer = XmlWriter.Create(stream, Settings))
            {
                writer.WriteStartDocument();
                write(writer);
                writer.WriteEndDocument();
            }
            response.StatusCode = statusCode;
            response.ContentType = "application/xml";
            response.ContentLength = stream.Length;
            await response.Body.WriteAsync(stream.GetBuffer().AsMemory(0, (int)stream.Length)).ConfigureAwait(false);
        }

        /// <summary>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestId/&gt;&lt;/Error&gt;; string entries of the exception's Data
        /// (e.g. Key, BucketName) become extra elements. HEAD answers carry no body.</summary>
        public static Task WriteErrorAsync(HttpResponse response, string method, AwsErrorException error, string requestId)
        {
            if (HttpMethods.IsHead(method))
            {
                response.StatusCode = error.StatusCode;
                return Task.CompletedTask;
            }
            return WriteAsync(response, error.StatusCode, writer =>
            {
                writer.WriteStartElement("Error");
                writer.WriteElementString("Code", error.Code);
                writer.WriteElementString("Message", error.Message);
                foreach (DictionaryEntry entry in error.Data)
                    if (entry.Key is string name && entry.Value is string value) writer.WriteElementString(name, value);
                writer.WriteElementString("RequestId", requestId);
                writer.WriteElementString("HostId", Convert.ToBase64String(Encoding.ASCII.GetBytes(requestId)));
                writer.WriteEndElement();
            });
        }
    }
}
