using System;
using System.IO;
using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Protocols
{
    /// <summary>
    /// The request compression AWS accepts on the JSON and query protocols (botocore's "requestcompression" trait, e.g.
    /// CloudWatch PutMetricData): a body sent with <c>Content-Encoding: gzip</c>. The signature covers the compressed
    /// bytes, so this runs after SigV4 verification and before the body is parsed.
    /// </summary>
    public static class RequestContentEncoding
    {
        /// <summary>Decompressed bodies larger than this are refused (CloudWatch's own request limit is 1 MB of
        /// uncompressed payload; this only keeps a hostile body from filling memory).</summary>
        public const int MaxDecodedBytes = 64 * 1024 * 1024;

        /// <summary>True when the body was gzip-encoded (and <paramref name="body"/> is now the decoded bytes).
        /// Throws <see cref="AwsErrorException"/> for an encoding the protocols do not take or a body that is not gzip.</summary>
        public static bool Decode(StringValues contentEncoding, ref ReadOnlyMemory<byte> body)
        {
            bool gzip = false;
            foreach (string? header in contentEncoding)
            {
                if (header is null) continue;
                foreach (string part in header.Split(','))
                {
                    string token = part.Trim();
                    if (token.Length == 0 || token.Equals("identity", StringComparison.OrdinalIgnoreCase)) continue;
                    if (!token.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                        throw new AwsErrorException("SerializationException", $"Unsupported Content-Encoding '{token}'.", 400, queryCode: "MalformedInput");
                    if (gzip)
                        throw new AwsErrorException("SerializationException", "Content-Encoding names gzip more than once.", 400, queryCode: "MalformedInput");
                    gzip = true;
                }
            }
            if (!gzip) return false;
            body = Gunzip(body);
            return true;
        }

        private static ReadOnlyMemory<byte> Gunzip(ReadOnlyMemory<byte> compressed)
        {
            try
            {
                using var input = new MemoryStream(compressed.ToArray(), writable: false);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + read > MaxDecodedBytes)
                        throw new AwsErrorException("SerializationException", "The decompressed request body is too large.", 413, queryCode: "RequestEntityTooLarge");
                    output.Write(buffer, 0, read);
                }
                return output.GetBuffer().AsMemory(0, (int)output.Length);
            }
            catch (InvalidDataException error)
            {
                throw new AwsErrorException("SerializationException", "The request body is not valid gzip: " + error.Message, 400, queryCode: "MalformedInput");
            }
        }
    }
}
