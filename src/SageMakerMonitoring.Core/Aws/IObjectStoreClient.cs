using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>The few S3 operations the archive needs.</summary>
    public interface IObjectStoreClient
    {
        Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken);
        /// <summary>Null when the object does not exist.</summary>
        Task<byte[]?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken);
        /// <summary>Null when the object does not exist.</summary>
        Task<ObjectInfo?> HeadObjectAsync(string bucket, string key, CancellationToken cancellationToken);
        Task<ObjectListPage> ListObjectsAsync(string bucket, string? prefix, string? continuationToken, CancellationToken cancellationToken);
        Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken);
    }

    public sealed record ObjectInfo(string Key, long Size, DateTime LastModified, string? ETag);

    public sealed class ObjectListPage
    {
        public IReadOnlyList<ObjectInfo> Objects { get; set; } = Array.Empty<ObjectInfo>();
        public string? NextContinuationToken { get; set; }
    }
}
