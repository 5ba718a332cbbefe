using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>A REST request as the host has read it: the body is already buffered (and aws-chunked bodies decoded).</summary>
    public sealed class RestRequest
    {
        public RestRequest(string method, string path, IReadOnlyDictionary<string, string> query, IHeaderDictionary headers,
            ReadOnlyMemory<byte> body, string? virtualHostBucket, string requestId)
        {
            Method = method;
            Path = path;
            Query = query;
            Headers = headers;
            Body = body;
            VirtualHostBucket = virtualHostBucket;
            RequestId = requestId;
        }

        public string Method { get; }
        /// <summary>Decoded path, starting with "/".</summary>
        public string Path { get; }
        /// <summary>Decoded query parameters (a parameter without value maps to "").</summary>
        public IReadOnlyDictionary<string, string> Query { get; }
        public IHeaderDictionary Headers { get; }
        public ReadOnlyMemory<byte> Body { get; }
        /// <summary>Bucket named by a virtual-host style Host header (bucket.localhost), else null.</summary>
        public string? VirtualHostBucket { get; }
        public string RequestId { get; }
    }
}
