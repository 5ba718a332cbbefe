#if NET
using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Loading
{
    /// <summary>
    /// PowerShell 7: right after import, one HTTP/1.1 POST through .NET's HTTP stack on a pool thread, so that the first
    /// AWS call does not pay for loading, initialising and compiling that stack (about 20 ms of a 150 ms first call on
    /// two cores). Nothing leaves the process and no socket is opened: the connection is an in-memory stream that
    /// answers a fixed 200 (SocketsHttpHandler's ConnectCallback), and no proxy is consulted. It reads no AWS setting
    /// and touches no AWS SDK type, so what the SDK resolves from the environment is still resolved at the first call.
    /// Runs once per process; any failure is ignored (the first call then simply pays as before).
    /// </summary>
    internal static class HttpWarmUp
    {
        private static int _started;

        /// <summary>The warm-up of this process, once started (true when it completed a request).</summary>
        internal static Task<bool>? Run { get; private set; }

        public static void Start()
        {
            if (Interlocked.Exchange(ref _started, 1) != 0) return;
            Run = Task.Run(SendOnceAsync);
        }

        private static async Task<bool> SendOnceAsync()
        {
            try
            {
                const string body = "{}";
                byte[] answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                    + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n" + body);
                using var handler = new SocketsHttpHandler
                {
                    UseProxy = false,
                    ConnectCallback = (context, cancellationToken) => new ValueTask<Stream>(new AnsweringStream(answer)),
                };
                using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
                using var request = new HttpRequestMessage(HttpMethod.Post, "http://warm-up.invalid/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                var read = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                return response.IsSuccessStatusCode && read.Length == body.Length;
            }
            catch
            {
                return false;
            }
        }

        /// <summary>A connection that swallows what is written and reads back a fixed answer.</summary>
        private sealed class AnsweringStream : Stream
        {
            private readonly byte[] _answer;
            private int _position;

            public AnsweringStream(byte[] answer) => _answer = answer;

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) { }
            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                var n = Math.Min(buffer.Length, _answer.Length - _position);
                _answer.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new ValueTask<int>(Read(buffer.Span));

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => default;
        }
    }
}
#endif
