using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>Where an archive lives: a local or UNC folder, or an S3 prefix. Paths are relative and '/'-separated.</summary>
    public interface IArchiveDestination
    {
        /// <summary>The folder or s3:// URL, for messages and the summary.</summary>
        string Location { get; }

        /// <summary>Takes the destination's exclusive lock, waiting up to <paramref name="timeout"/>; <c>ArchiveLocked</c> when it stays taken.</summary>
        Task<IArchiveLock> AcquireLockAsync(TimeSpan timeout, IOperationReporter reporter, CancellationToken cancellationToken);

        /// <summary>The checkpoint document, or null when the archive has none yet.</summary>
        Task<byte[]?> ReadCheckpointAsync(CancellationToken cancellationToken);

        /// <summary>Replaces the checkpoint atomically and durably.</summary>
        Task WriteCheckpointAsync(byte[] content, CancellationToken cancellationToken);

        /// <summary>Starts a data file; it becomes visible under its name only when published.</summary>
        IArchiveFile CreateFile(string relativePath);

        /// <summary>Deletes a data file and whatever temporary file it had; nothing happens when neither exists.</summary>
        Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken);

        /// <summary>
        /// True when a relative path read back from the checkpoint (untrusted) names something inside the archive: safe
        /// after normalisation and, locally, reached through no symbolic link or junction.
        /// </summary>
        bool IsInside(string relativePath);

        /// <summary>Why files of a series folder (<c>namespace=…/resource=…</c>) cannot be stored here (a name or path over the limits), or null.</summary>
        string? CannotHold(string seriesFolder);

        /// <summary>Every published data file, as relative paths.</summary>
        IAsyncEnumerable<string> ListDataFilesAsync(CancellationToken cancellationToken);

        /// <summary>The bytes of a file as stored.</summary>
        Task<byte[]> ReadFileAsync(string relativePath, CancellationToken cancellationToken);
    }

    /// <summary>A data file being written: rows go to <see cref="Content"/>; <see cref="PublishAsync"/> makes it durable and visible at once.</summary>
    public interface IArchiveFile : IDisposable
    {
        string RelativePath { get; }
        Stream Content { get; }
        /// <summary>Returns the bytes stored. Disposing without publishing discards the file.</summary>
        Task<long> PublishAsync(CancellationToken cancellationToken);
    }

    /// <summary>The held lock of a destination.</summary>
    public interface IArchiveLock : IDisposable
    {
        /// <summary>Cancelled when the lock is lost (an S3 lease that could not be renewed).</summary>
        CancellationToken Lost { get; }
        /// <summary>Throws <c>ArchiveLockLost</c> when the lock is no longer held.</summary>
        void EnsureHeld();
        Task ReleaseAsync();
    }
}
