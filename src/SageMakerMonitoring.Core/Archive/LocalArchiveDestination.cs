using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// An archive in a local or UNC folder. Files are written under a hidden temporary name in their final folder,
    /// flushed to disk (<see cref="FileStream.Flush(bool)"/> with true) and renamed into place, so a reader sees a whole
    /// file or none. The checkpoint is replaced the same way. Before it locks, the destination checks that the root is
    /// a folder it can write to, so a read-only share fails at once as <c>ArchivePathNotWritable</c> rather than as a
    /// lock that never frees.
    /// </summary>
    public sealed class LocalArchiveDestination : IArchiveDestination
    {
        public LocalArchiveDestination(string root)
        {
            Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (Root.Length == 0 || Root.EndsWith(":", StringComparison.Ordinal)) Root += Path.DirectorySeparatorChar;
        }

        /// <summary>
        /// Checks a folder path given by the user before anything uses it: no NUL or other control character, within
        /// this system's path length. <c>InvalidArchivePath</c> otherwise.
        /// </summary>
        public static void ValidatePath(string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw ArchiveErrors.InvalidPath(path ?? "", "it is empty");
            if (path!.IndexOf('\0') >= 0) throw ArchiveErrors.InvalidPath(path, "it contains a NUL character");
            if (path.Any(c => c < 0x20)) throw ArchiveErrors.InvalidPath(path, "it contains a control character");
            if (path.Length > MaxFullPath) throw ArchiveErrors.InvalidPath(path, $"it is {path.Length:N0} characters long; paths on this system end at {MaxFullPath:N0}");
        }

        /// <summary>A destination for a user-given folder, checked (<see cref="ValidatePath"/>) and made absolute.</summary>
        public static LocalArchiveDestination Open(string path)
        {
            ValidatePath(path);
            try
            {
                var destination = new LocalArchiveDestination(path);
                if (destination.Root.Length > MaxFullPath) throw ArchiveErrors.InvalidPath(path, $"it is {destination.Root.Length:N0} characters long as a full path; paths on this system end at {MaxFullPath:N0}");
                destination.RefuseFileInThePath();
                return destination;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException)
            {
                throw ArchiveErrors.InvalidPath(path, ex.Message.TrimEnd('.'));
            }
        }

        public string Root { get; }
        public string Location => Root;

        /// <summary>The test seam that stops the run at a chosen step (see <see cref="ArchiveFaultInjector"/>).</summary>
        public ArchiveFaultInjector? Faults { get; set; } = ArchiveFaultInjector.FromEnvironment();

        /// <summary>The longest full path this process can create (Windows PowerShell 5.1 on .NET Framework: MAX_PATH).</summary>
        internal static int MaxFullPath =>
            !RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? 4095
            : RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal) ? 259 : 32000;

        public async Task<IArchiveLock> AcquireLockAsync(TimeSpan timeout, IOperationReporter reporter, CancellationToken cancellationToken)
        {
            EnsureWritableFolder();
            return await LocalArchiveLock.AcquireAsync(Path.Combine(Root, ArchiveLayout.LockName), timeout, reporter, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A file where the root, or one of the folders above it, should be, is ArchivePathIsFile (reads only).</summary>
        private void RefuseFileInThePath()
        {
            for (var p = Root; !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
            {
                if (File.Exists(p)) throw ArchiveErrors.IsFile(p);
                if (Directory.Exists(p)) break;
            }
        }

        /// <summary>Creates the root when missing and proves it can be written to; the module's own errors otherwise.</summary>
        private void EnsureWritableFolder()
        {
            RefuseFileInThePath();
            var probe = Path.Combine(Root, "._write-probe-" + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                Directory.CreateDirectory(Root);
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception ex) when (ArchiveErrors.IsFileSystemFailure(ex) && !(ex is PathTooLongException))
            {
                if (ex is IOException io && ArchiveErrors.IsDiskFull(io)) throw ArchiveErrors.DiskFull(Root, io);
                throw ArchiveErrors.NotWritable(Root, ex);
            }
        }

        public Task<byte[]?> ReadCheckpointAsync(CancellationToken cancellationToken)
        {
            var path = Path.Combine(Root, ArchiveLayout.CheckpointName);
            return Task.FromResult(File.Exists(path) ? File.ReadAllBytes(path) : null);
        }

        public Task WriteCheckpointAsync(byte[] content, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Directory.CreateDirectory(Root);
            var target = Path.Combine(Root, ArchiveLayout.CheckpointName);
            var temp = Path.Combine(Root, ArchiveLayout.TemporaryName(ArchiveLayout.CheckpointName));
            var renamed = false;
            try
            {
                using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    // Under test, a torn temporary file: half written, then the kill.
                    var half = Faults is null ? 0 : content.Length / 2;
                    if (half > 0)
                    {
                        stream.Write(content, 0, half);
                        stream.Flush(true);
                        Faults!.Step("checkpoint: half of the temporary file written");
                    }
                    stream.Write(content, half, content.Length - half);
                    stream.Flush(true);
                }
                Faults?.Step("checkpoint: temporary file complete");
                Rename(temp, target);
                renamed = true;
                Faults?.Step("checkpoint: renamed into place");
            }
            finally
            {
                if (!renamed && Faults?.Killed != true) TryDelete(temp);
            }
            return Task.CompletedTask;
        }

        public IArchiveFile CreateFile(string relativePath) => new LocalArchiveFile(this, relativePath);

        public Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken)
        {
            var full = FullPath(relativePath);
            var folder = Path.GetDirectoryName(full)!;
            // A commit killed before its folder existed left nothing to delete.
            if (!Directory.Exists(folder)) return Task.CompletedTask;
            var temp = Path.Combine(folder, ArchiveLayout.TemporaryName(Path.GetFileName(full)));
            if (File.Exists(temp))
            {
                File.Delete(temp);
                Faults?.Step("rollback: temporary file deleted");
            }
            if (File.Exists(full))
            {
                File.Delete(full);
                Faults?.Step("rollback: file deleted");
            }
            RemoveEmptyFolders(folder);
            return Task.CompletedTask;
        }

        /// <summary>Removes <paramref name="folder"/> and its parents up to the root while they are empty (a rolled-back first commit's partition).</summary>
        private void RemoveEmptyFolders(string folder)
        {
            for (var f = folder; f.Length > Root.Length && f.StartsWith(Root, StringComparison.Ordinal); f = Path.GetDirectoryName(f)!)
            {
                if (!Directory.Exists(f) || Directory.EnumerateFileSystemEntries(f).Any()) return;
                try
                {
                    Directory.Delete(f);
                }
                catch (IOException)
                {
                    return; // not empty after all (another file appeared): leave it
                }
                Faults?.Step("rollback: empty folder removed");
            }
        }

        /// <summary>
        /// True when the path resolves inside the root after normalisation and no folder between the root and it is a
        /// symbolic link or junction, so deleting it cannot touch anything outside the archive.
        /// </summary>
        public bool IsInside(string relativePath)
        {
            if (!ArchiveLayout.IsSafeRelativePath(relativePath)) return false;
            string full;
            try
            {
                full = Path.GetFullPath(FullPath(relativePath));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return false;
            }
            var rootWithSeparator = Root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar;
            if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal)) return false;
            for (var f = Path.GetDirectoryName(full); f != null && f.Length > Root.Length; f = Path.GetDirectoryName(f))
            {
                if (!Directory.Exists(f) && !File.Exists(f)) continue;
                if ((File.GetAttributes(f) & FileAttributes.ReparsePoint) != 0) return false;
            }
            return true;
        }

        /// <summary>Why a series folder cannot be written under this root (a name or path over the file system's limits), or null.</summary>
        public string? CannotHold(string seriesFolder)
        {
            foreach (var segment in seriesFolder.Split('/'))
            {
                if (Encoding.UTF8.GetByteCount(segment) > 255) return $"the folder name '{segment.Substring(0, Math.Min(60, segment.Length))}…' is longer than 255 bytes";
            }
            // The longest file the folder will hold: date=YYYY-MM-DD/.part-<timestamp>-<commit>.jsonl.gz.tmp
            var longest = Root.Length + 1 + seriesFolder.Length + "/date=2026-01-01/".Length + ArchiveLayout.TemporaryName(ArchiveLayout.FileName(DateTime.UtcNow, 0, ArchiveFormat.JsonLines)).Length;
            return longest > MaxFullPath ? $"its files' paths would be {longest} characters long, over this system's limit of {MaxFullPath}" : null;
        }

        public async IAsyncEnumerable<string> ListDataFilesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (!Directory.Exists(Root)) yield break;
            foreach (var file in Directory.EnumerateFiles(Root, "part-*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = file.Substring(Root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/');
                if (ArchiveLayout.IsDataFile(relative)) yield return relative;
            }
        }

        public Task<byte[]> ReadFileAsync(string relativePath, CancellationToken cancellationToken) => Task.FromResult(File.ReadAllBytes(FullPath(relativePath)));

        internal string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>Moves <paramref name="temp"/> over <paramref name="target"/> in one rename (the target may exist).</summary>
        internal static void Rename(string temp, string target)
        {
            if (File.Exists(target)) File.Replace(temp, target, null, ignoreMetadataErrors: true);
            else File.Move(temp, target);
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ArchiveErrors.IsFileSystemFailure(ex))
            {
                // The next run's recovery removes it.
            }
        }

        private sealed class LocalArchiveFile : IArchiveFile
        {
            private readonly LocalArchiveDestination _destination;
            private readonly string _target;
            private readonly string _temp;
            private readonly FileStream _stream;
            private bool _published;

            public LocalArchiveFile(LocalArchiveDestination destination, string relativePath)
            {
                _destination = destination;
                RelativePath = relativePath;
                _target = destination.FullPath(relativePath);
                var folder = Path.GetDirectoryName(_target)!;
                var existed = Directory.Exists(folder);
                Directory.CreateDirectory(folder);
                if (!existed) destination.Faults?.Step("file: partition folder created");
                _temp = Path.Combine(folder, ArchiveLayout.TemporaryName(Path.GetFileName(_target)));
                _stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                try
                {
                    destination.Faults?.Step("file: temporary file created");
                }
                catch (ArchiveKilledException)
                {
                    _stream.Dispose(); // as the operating system closes a killed process's files; the temporary file stays
                    throw;
                }
            }

            public string RelativePath { get; }
            public Stream Content => _stream;

            public Task<long> PublishAsync(CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _stream.Flush(true);
                var length = _stream.Length;
                _stream.Dispose();
                _destination.Faults?.Step("file: temporary file complete");
                Rename(_temp, _target);
                _published = true;
                _destination.Faults?.Step("file: renamed into place");
                return Task.FromResult(length);
            }

            public void Dispose()
            {
                try
                {
                    _stream.Dispose();
                }
                catch (Exception ex) when (ArchiveErrors.IsFileSystemFailure(ex))
                {
                    // Buffered bytes that cannot be written (a full disk): the file is discarded below anyway.
                }
                if (!_published && _destination.Faults?.Killed != true) TryDelete(_temp);
            }
        }
    }
}
