using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// The lock of a local or UNC archive: <c>_export.lock</c> opened with FileShare.None and held open for the run.
    /// The operating system (or the SMB server) refuses a second open while it is held and releases it when the
    /// process ends, however it ends, so a killed run never leaves a stale lock. On Windows the file is opened
    /// DeleteOnClose; elsewhere it stays in place, because deleting a lock file on Unix lets a waiter lock the deleted
    /// file while a third process locks a new one.
    /// </summary>
    public sealed class LocalArchiveLock : IArchiveLock
    {
        private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);
        private readonly FileStream _stream;

        private LocalArchiveLock(FileStream stream)
        {
            _stream = stream;
        }

        public CancellationToken Lost => CancellationToken.None;

        public static async Task<IArchiveLock> AcquireAsync(string path, TimeSpan timeout, IOperationReporter reporter, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var told = false;
            var options = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? FileOptions.DeleteOnClose : FileOptions.None;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, options);
                    var owner = Encoding.UTF8.GetBytes($"{{\"host\":\"{Environment.MachineName}\",\"pid\":{Process.GetCurrentProcess().Id},\"since\":\"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\"}}\n");
                    stream.SetLength(0);
                    stream.Write(owner, 0, owner.Length);
                    stream.Flush();
                    return new LocalArchiveLock(stream);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    if (watch.Elapsed >= timeout) throw Locked(path, timeout, ex);
                    if (!told)
                    {
                        reporter.Verbose($"{path} is held by another export; waiting up to {timeout}.");
                        told = true;
                    }
                    var wait = timeout - watch.Elapsed;
                    await Task.Delay(wait < RetryInterval ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : RetryInterval, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        internal static MonitoringException Locked(string where, TimeSpan timeout, Exception? inner, string? holder = null) =>
            new MonitoringException("ArchiveLocked", ErrorKind.ResourceUnavailable,
                $"Another export is writing to this archive ({where}{(holder is null ? "" : ", held by " + holder)}); waited {timeout.TotalSeconds:0.#} seconds for it to finish.",
                where, inner)
            {
                RecommendedAction = "Let the other run finish, or give a longer -LockTimeout. Runs that overlap are safe: the later one waits or gives up.",
            };

        public void EnsureHeld()
        {
        }

        public Task ReleaseAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _stream.Dispose();
    }
}
