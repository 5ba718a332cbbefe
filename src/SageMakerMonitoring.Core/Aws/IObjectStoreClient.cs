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

        /// <summary>
        /// A conditional write (S3 conditional requests): <paramref name="ifNoneMatch"/> "*" creates the object only when
        /// no object has the key; <paramref name="ifMatch"/> replaces it only while its ETag is that value. Returns the
        /// new ETag, or null when the condition did not hold (412 PreconditionFailed, 409 ConditionalRequestConflict).
        /// </summary>
        Task<string?> PutObjectConditionalAsync(string bucket, string key, Stream content, string? ifMatch, string? ifNoneMatch, CancellationToken cancellationToken);
        /// <summary>The object's bytes and ETag (one read, so the ETag belongs to those bytes); null when it does not exist.</summary>
        Task<ObjectContent?> GetObjectContentAsync(string bucket, string key, CancellationToken cancellationToken);
        /// <summary>Deletes the object only while its ETag is <paramref name="ifMatch"/>; false when it did not match.</summary>
        Task<bool> DeleteObjectIfMatchAsync(string bucket, string key, string ifMatch, CancellationToken cancellationToken);
    }

    public sealed record ObjectContent(byte[] Data, string? ETag);

    public sealed record ObjectInfo(string Key, long Size, DateTime LastModified, string? ETag);

    public sealed class ObjectListPage
    {
        public IReadOnlyList<ObjectInfo> Objects { get; set; } = Array.Empty<ObjectInfo>();
        public string? NextContinuationToken { get; set; }
    }
}
