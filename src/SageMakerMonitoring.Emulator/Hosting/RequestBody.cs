using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Reads a request body once into memory (signature verification needs all of it anyway).</summary>
    public static class RequestBody
    {
        public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            long? length = request.ContentLength;
            if (length == 0) return ReadOnlyMemory<byte>.Empty;
            if (length is > 0 and <= int.MaxValue)
            {
                var buffer = new byte[length.Value];
                await request.Body.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
                return buffer;
            }
            using var stream = new MemoryStream();
            await request.Body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            return stream.GetBuffer().AsMemory(0, (int)stream.Length);
        }
    }
}
