using System;
using System.Buffers;
using System.IO;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>A whole response body read into a pooled buffer, so it can be parsed with one Utf8JsonReader pass
    /// without intermediate strings or a DOM. Dispose returns the buffer.</summary>
    internal struct ResponseBody : IDisposable
    {
        private byte[]? _buffer;

        private ResponseBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => _buffer == null ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>(_buffer, 0, Length);

        public static ResponseBody Read(Stream stream, long lengthHint)
        {
            int initial = lengthHint > 0 && lengthHint < int.MaxValue - 1 ? (int)lengthHint + 1 : 16 * 1024;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(initial);
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    int read = stream.Read(buffer, length, buffer.Length - length);
                    if (read <= 0)
                    {
                        break;
                    }
                    length += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
            return new ResponseBody(buffer, length);
        }

        public void Dispose()
        {
            if (_buffer != null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }
}
