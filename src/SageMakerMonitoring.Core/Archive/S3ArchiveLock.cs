using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// The lock of an S3 archive: a lease object <c>_export.lock</c> naming its owner and when it expires. It is
    /// created with If-None-Match: * (exactly one of two runs racing for a free lock wins), renewed every third of the
    /// lease with If-Match on the owner's own ETag, taken over when expired with If-Match on the expired lease's ETag
    /// (one winner again), and deleted with If-Match on release. What it cannot do: S3 has no fencing, so a holder that
    /// stalls longer than its lease (a suspended machine) may still issue a data-file write after another run took the
    /// lock over; its checkpoint write then fails its own If-Match, so the archive's checkpoint is never overwritten,
    /// but such a stray file can repeat rows. Lease expiry is judged by the waiting machine's clock. A lease whose owner
    /// is a process of this machine that no longer runs (a killed scheduled run) is taken over at once.
    /// </summary>
    public sealed class S3ArchiveLock : IArchiveLock
    {
        private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);
        private readonly IObjectStoreClient _s3;
        private readonly string _bucket;
        private readonly string _key;
        private readonly TimeSpan _lease;
        private readonly string _owner;
        private readonly CancellationTokenSource _lost = new CancellationTokenSource();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly IOperationReporter _reporter;
        private string _etag;
        private Task? _renewal;
        private bool _released;

        private S3ArchiveLock(IObjectStoreClient s3, string bucket, string key, TimeSpan lease, string owner, string etag, IOperationReporter reporter)
        {
            _s3 = s3;
            _bucket = bucket;
            _key = key;
            _lease = lease;
            _owner = owner;
            _etag = etag;
            _reporter = reporter;
        }

        public CancellationToken Lost => _lost.Token;

        public static async Task<IArchiveLock> AcquireAsync(IObjectStoreClient s3, string bucket, string key, TimeSpan lease, TimeSpan timeout,
            IOperationReporter reporter, CancellationToken cancellationToken)
        {
            var owner = $"{Environment.MachineName}/{Process.GetCurrentProcess().Id}/{Guid.NewGuid():N}";
            var watch = Stopwatch.StartNew();
            var told = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var etag = await PutLeaseAsync(s3, bucket, key, owner, lease, null, "*", cancellationToken).ConfigureAwait(false);
                string? holder = null;
                if (etag is null)
                {
                    var current = await s3.GetObjectContentAsync(bucket, key, cancellationToken).ConfigureAwait(false);
                    if (current is null) continue; // released between the two calls: try again at once
                    var (currentOwner, expires) = ReadLease(current.Data);
                    holder = $"{currentOwner}, lease until {expires:yyyy-MM-ddTHH:mm:ssZ}";
                    var dead = DeadOwnerOnThisMachine(currentOwner);
                    if ((expires < DateTime.UtcNow || dead) && current.ETag != null)
                    {
                        etag = await PutLeaseAsync(s3, bucket, key, owner, lease, current.ETag, null, cancellationToken).ConfigureAwait(false);
                        if (etag != null)
                        {
                            reporter.Warning(dead
                                ? $"Took over the lock s3://{bucket}/{key} from {currentOwner}: that process of this machine no longer runs (it was killed before it could release its lease)."
                                : $"Took over the lock s3://{bucket}/{key} from {currentOwner}, whose lease expired at {expires:yyyy-MM-ddTHH:mm:ssZ} (that run died or stalled).");
                        }
                    }
                }
                if (etag != null)
                {
                    var held = new S3ArchiveLock(s3, bucket, key, lease, owner, etag, reporter);
                    held._renewal = Task.Run(held.RenewLoopAsync);
                    return held;
                }
                if (watch.Elapsed >= timeout) throw LocalArchiveLock.Locked($"s3://{bucket}/{key}", timeout, null, holder);
                if (!told)
                {
                    reporter.Verbose($"s3://{bucket}/{key} is held by {holder}; waiting up to {timeout}.");
                    told = true;
                }
                var wait = timeout - watch.Elapsed;
                await Task.Delay(wait < RetryInterval ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// True when a lease's owner (<c>machine/pid/guid</c>) is a process of this machine that no longer exists: a run
        /// killed here, whose lease the next run on the same machine (the usual scheduled task) need not wait out. A pid
        /// that is alive, whatever it now runs, is left alone.
        /// </summary>
        internal static bool DeadOwnerOnThisMachine(string owner)
        {
            var parts = owner.Split('/');
            if (parts.Length != 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase)) return false;
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0) return false;
            try
            {
                using (var process = Process.GetProcessById(pid))
                {
                    return process.HasExited;
                }
            }
            catch (ArgumentException)
            {
                return true; // no process has that id
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        public void EnsureHeld()
        {
            if (_lost.IsCancellationRequested)
            {
                throw new MonitoringException("ArchiveLockLost", ErrorKind.InvalidOperation,
                    $"This run lost its lease on s3://{_bucket}/{_key} (it could not be renewed in time); it stops before writing the checkpoint.", _key)
                {
                    RecommendedAction = "Run the export again.",
                };
            }
        }

        public async Task ReleaseAsync()
        {
            if (_released) return;
            _released = true;
            _stop.Cancel();
            if (_renewal != null) await _renewal.ConfigureAwait(false);
            if (!_lost.IsCancellationRequested)
            {
                try
                {
                    await _s3.DeleteObjectIfMatchAsync(_bucket, _key, _etag, CancellationToken.None).ConfigureAwait(false);
                }
                catch (AwsServiceException ex)
                {
                    _reporter.Warning($"Could not delete the lock s3://{_bucket}/{_key} ({ex.ErrorCode}); it expires by itself at the end of its lease.");
                }
            }
        }

        public void Dispose()
        {
            if (!_released) ReleaseAsync().GetAwaiter().GetResult();
            _lost.Dispose();
            _stop.Dispose();
        }

        private async Task RenewLoopAsync()
        {
            var interval = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, _lease.Ticks / 3));
            var renewedAt = DateTime.UtcNow;
            while (!_stop.IsCancellationRequested)
            {
                try { await Task.Delay(interval, _stop.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
                try
                {
                    var etag = await PutLeaseAsync(_s3, _bucket, _key, _owner, _lease, _etag, null, _stop.Token).ConfigureAwait(false);
                    if (etag is null)
                    {
                        _reporter.Warning($"The lease on s3://{_bucket}/{_key} was taken by another run.");
                        _lost.Cancel();
                        return;
                    }
                    _etag = etag;
                    renewedAt = DateTime.UtcNow;
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (AwsServiceException ex)
                {
                    if (DateTime.UtcNow - renewedAt >= _lease - interval)
                    {
                        _reporter.Warning($"Could not renew the lease on s3://{_bucket}/{_key} ({ex.ErrorCode}) before it expires.");
                        _lost.Cancel();
                        return;
                    }
                }
            }
        }

        private static async Task<string?> PutLeaseAsync(IObjectStoreClient s3, string bucket, string key, string owner, TimeSpan lease, string? ifMatch, string? ifNoneMatch,
            CancellationToken cancellationToken)
        {
            var expires = DateTime.UtcNow + lease;
            var body = Encoding.UTF8.GetBytes("{\"owner\":\"" + owner + "\",\"expires\":\"" + expires.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"}\n");
            using (var stream = new MemoryStream(body, writable: false))
            {
                return await s3.PutObjectConditionalAsync(bucket, key, stream, ifMatch, ifNoneMatch, cancellationToken).ConfigureAwait(false);
            }
        }

        private static (string Owner, DateTime Expires) ReadLease(byte[] data)
        {
            try
            {
                using (var doc = JsonDocument.Parse(data))
                {
                    var owner = doc.RootElement.GetProperty("owner").GetString() ?? "?";
                    var expires = DateTime.Parse(doc.RootElement.GetProperty("expires").GetString()!, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    return (owner, expires);
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException || ex is System.Collections.Generic.KeyNotFoundException)
            {
                return ("an unreadable lease", DateTime.MinValue); // damaged: treat as expired so the archive does not stay locked forever
            }
        }
    }
}
