using System;
using System.Collections.Generic;
using System.Text;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Protocols
{
    /// <summary>
    /// Decodes an aws-chunked body (x-amz-content-sha256 STREAMING-*): "hex-size[;chunk-signature=…]\r\n data \r\n"
    /// repeated, a zero-size chunk, then optional trailing headers (e.g. x-amz-checksum-crc32) and a blank line.
    /// </summary>
    public static class AwsChunkedDecoder
    {
        public static byte[] Decode(ReadOnlySpan<byte> body, out IReadOnlyDictionary<string, string> trailers)
        {
            var output = new byte[body.Length];
            int written = 0;
            int position = 0;
            var trailerMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            trailers = trailerMap;
            while (true)
            {
                string header = ReadLine(body, ref position) ?? throw Incomplete();
                int semicolon = header.IndexOf(';');
                string sizeText = (semicolon < 0 ? header : header.Substring(0, semicolon)).Trim();
                if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out int size) || size < 0)
                    throw Incomplete();
                if (size == 0) break;
                if (position + size > body.Length) throw Incomplete();
                body.Slice(position, size).CopyTo(output.AsSpan(written));
                written += size;
                position += size;
                if (ReadLine(body, ref position) is not { Length: 0 }) throw Incomplete();
            }
            while (position < body.Length)
            {
                string? line = ReadLine(body, ref position);
                if (string.IsNullOrEmpty(line)) break;
                int colon = line.IndexOf(':');
                if (colon > 0) trailerMap[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            Array.Resize(ref output, written);
            return output;
        }

        private static string? ReadLine(ReadOnlySpan<byte> body, ref int position)
        {
            if (position >= body.Length) return null;
            int end = body.Slice(position).IndexOf((byte)'\n');
            int lineEnd = end < 0 ? body.Length : position + end;
            int textEnd = lineEnd > position && body[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            string line = Encoding.ASCII.GetString(body.Slice(position, textEnd - position));
            position = end < 0 ? body.Length : lineEnd + 1;
            return line;
        }

        private static AwsErrorException Incomplete() =>
            new AwsErrorException("IncompleteBody", "The request body terminated unexpectedly", 400);
    }
}
