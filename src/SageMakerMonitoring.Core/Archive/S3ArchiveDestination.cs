using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// An archive under an S3 prefix. A PutObject is atomic per object (readers see the old object or the whole new
    /// one), so data files are written straight under their names. The checkpoint is replaced with a conditional write
    /// (If-Match on the ETag this run last read or wrote, If-None-Match: * for the first), so a run that lost its lock
    /// cannot overwrite a newer checkpoint: it fails with <c>ArchiveCheckpointConflict</c> instead.
    /// </summary>
    public sealed class S3ArchiveDestination : IArchiveDestination
    {
        private readonly IObjectStoreClient _s3;
        private string? _checkpointETag;

        public S3ArchiveDestination(IObjectStoreClient s3, string bucket, string prefix)
        {
            _s3 = s3;
            Bucket = bucket;
            Prefix = prefix.Trim('/').Length == 0 ? "" : prefix.Trim('/') + "/";
        }

        public string Bucket { get; }
        /// <summary>Empty, or ending with '/'.</summary>
        public string Prefix { get; }
        public string Location => $"s3://{Bucket}/{Prefix}";
        /// <summary>How long a lock lease lasts without renewal.</summary>
        public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>The test seam that stops the run at a chosen step (see <see cref="ArchiveFaultInjector"/>).</summary>
        public ArchiveFaultInjector? Faults { get; set; } = ArchiveFaultInjector.FromEnvironment();

        /// <summary>Parses <c>s3://bucket/prefix</c>; null for anything else.</summary>
        public static (string Bucket, string Prefix)? ParseUrl(string path)
        {
            if (!path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)) return null;
            var rest = path.Substring(5);
            var slash = rest.IndexOf('/');
            var bucket = slash < 0 ? rest : rest.Substring(0, slash);
            if (bucket.Length == 0) return null;
            return (bucket, slash < 0 ? "" : rest.Substring(slash + 1));
        }

        /// <summary>
        /// Parses and checks <c>s3://bucket/prefix</c> before any call: a bucket name S3 accepts (3–63 lowercase
        /// letters, digits, '.', '-'), and a prefix whose segments S3 keys hold safely (no empty, '.' or '..' segment, no
        /// backslash or control character, at most 700 bytes). <c>InvalidArchivePath</c> otherwise.
        /// </summary>
        public static (string Bucket, string Prefix) ParseAndValidateUrl(string path)
        {
            var parsed = ParseUrl(path) ?? throw ArchiveErrors.InvalidPath(path, "it is not an S3 location; use s3://bucket/prefix");
            var bucket = parsed.Bucket;
            if (bucket.Length < 3 || bucket.Length > 63 || !bucket.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')
                || !char.IsLetterOrDigit(bucket[0]) || !char.IsLetterOrDigit(bucket[bucket.Length - 1]) || bucket.Contains(".."))
            {
                throw ArchiveErrors.InvalidPath(path, $"'{bucket}' is not a valid bucket name (3 to 63 lowercase letters, digits, dots and hyphens)");
            }
            var prefix = parsed.Prefix.TrimEnd('/');
            if (prefix.Length > 0)
            {
                if (prefix.Any(c => c < 0x20 || c == 0x7F || c == '\\') || prefix.Split('/').Any(segment => segment.Trim().Length == 0 || segment.Trim('.').Length == 0))
                {
                    throw ArchiveErrors.InvalidPath(path, "the prefix has an empty, '.' or '..' segment, a backslash or a control character, which S3 keys cannot hold safely");
                }
                if (System.Text.Encoding.UTF8.GetByteCount(prefix) > 700) throw ArchiveErrors.InvalidPath(path, "the prefix is longer than 700 bytes (S3 keys end at 1,024)");
            }
            return (bucket, prefix);
        }

        public Task<IArchiveLock> AcquireLockAsync(TimeSpan timeout, IOperationReporter reporter, CancellationToken cancellationToken) =>
            S3ArchiveLock.AcquireAsync(_s3, Bucket, Prefix + ArchiveLayout.LockName, LeaseDuration, timeout, reporter, cancellationToken);

        public async Task<byte[]?> ReadCheckpointAsync(CancellationToken cancellationToken)
        {
            var content = await _s3.GetObjectContentAsync(Bucket, Prefix + ArchiveLayout.CheckpointName, cancellationToken).ConfigureAwait(false);
            _checkpointETag = content?.ETag;
            return content?.Data;
        }

        public async Task WriteCheckpointAsync(byte[] content, CancellationToken cancellationToken)
        {
            Faults?.Step("s3: checkpoint about to be put");
            using (var stream = new MemoryStream(content, writable: false))
            {
                var etag = await _s3.PutObjectConditionalAsync(Bucket, Prefix + ArchiveLayout.CheckpointName, stream,
                    ifMatch: _checkpointETag, ifNoneMatch: _checkpointETag is null ? "*" : null, cancellationToken).ConfigureAwait(false);
                if (etag is null)
                {
                    throw new MonitoringException("ArchiveCheckpointConflict", ErrorKind.InvalidOperation,
                        $"The checkpoint at {Location}{ArchiveLayout.CheckpointName} was changed by another run while this one held the lock; this run stops without overwriting it.",
                        Location)
                    {
                        RecommendedAction = "Run the export again. Make sure one scheduled task writes to a prefix at a time, and that runs finish within the lock lease.",
                    };
                }
                _checkpointETag = etag;
            }
            Faults?.Step("s3: checkpoint put");
        }

        /// <summary>Every safe relative path is inside the prefix: S3 has no folders to link elsewhere.</summary>
        public bool IsInside(string relativePath) => ArchiveLayout.IsSafeRelativePath(relativePath);

        /// <summary>Why a series folder cannot be written under this prefix (a key over S3's 1,024 bytes), or null.</summary>
        public string? CannotHold(string seriesFolder)
        {
            var longest = System.Text.Encoding.UTF8.GetByteCount(Prefix + seriesFolder) + "/date=2026-01-01/".Length + ArchiveLayout.FileName(DateTime.UtcNow, 0, ArchiveFormat.JsonLines).Length;
            return longest > 1024 ? $"its keys would be {longest} bytes long, over S3's limit of 1,024" : null;
        }

        public IArchiveFile CreateFile(string relativePath) => new S3ArchiveFile(this, relativePath);

        public async Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken)
        {
            await _s3.DeleteObjectAsync(Bucket, Prefix + relativePath, cancellationToken).ConfigureAwait(false);
            Faults?.Step("s3: rollback deleted a file");
        }

        public async IAsyncEnumerable<string> ListDataFilesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string? token = null;
            do
            {
                var page = await _s3.ListObjectsAsync(Bucket, Prefix, token, cancellationToken).ConfigureAwait(false);
                foreach (var o in page.Objects)
                {
                    var relative = o.Key.Substring(Prefix.Length);
                    if (ArchiveLayout.IsDataFile(relative)) yield return relative;
                }
                token = page.NextContinuationToken;
            }
            while (token != null);
        }

        public async Task<byte[]> ReadFileAsync(string relativePath, CancellationToken cancellationToken) =>
            await _s3.GetObjectAsync(Bucket, Prefix + relativePath, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"{Location}{relativePath} does not exist.");

        private sealed class S3ArchiveFile : IArchiveFile
        {
            private readonly S3ArchiveDestination _destination;
            private readonly MemoryStream _buffer = new MemoryStream();

            public S3ArchiveFile(S3ArchiveDestination destination, string relativePath)
            {
                _destination = destination;
                RelativePath = relativePath;
            }

            public string RelativePath { get; }
            public Stream Content => _buffer;

            public async Task<long> PublishAsync(CancellationToken cancellationToken)
            {
                _buffer.Position = 0;
                _destination.Faults?.Step("s3: file about to be put");
                await _destination._s3.PutObjectAsync(_destination.Bucket, _destination.Prefix + RelativePath, _buffer, cancellationToken).ConfigureAwait(false);
                _destination.Faults?.Step("s3: file put");
                return _buffer.Length;
            }

            public void Dispose() => _buffer.Dispose();
        }
    }
}
