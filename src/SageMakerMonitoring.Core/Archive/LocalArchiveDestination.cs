using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// An archive in a local or UNC folder. Files are written under a hidden temporary name in their final folder,
    /// flushed to disk (<see cref="FileStream.Flush(bool)"/> with true) and renamed into place, so a reader sees a whole
    /// file or none. The checkpoint is replaced the same way.
    /// </summary>
    public sealed class LocalArchiveDestination : IArchiveDestination
    {
        public LocalArchiveDestination(string root)
        {
            Root = Path.GetFullPath(root);
        }

        public string Root { get; }
        public string Location => Root;

        public Task<IArchiveLock> AcquireLockAsync(TimeSpan timeout, IOperationReporter reporter, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(Root);
            return LocalArchiveLock.AcquireAsync(Path.Combine(Root, ArchiveLayout.LockName), timeout, reporter, cancellationToken);
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
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(true);
            }
            Rename(temp, target);
            return Task.CompletedTask;
        }

        public IArchiveFile CreateFile(string relativePath) => new LocalArchiveFile(this, relativePath);

        public Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken)
        {
            var full = FullPath(relativePath);
            File.Delete(Path.Combine(Path.GetDirectoryName(full)!, ArchiveLayout.TemporaryName(Path.GetFileName(full))));
            File.Delete(full);
            return Task.CompletedTask;
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

        private sealed class LocalArchiveFile : IArchiveFile
        {
            private readonly string _target;
            private readonly string _temp;
            private readonly FileStream _stream;
            private bool _published;

            public LocalArchiveFile(LocalArchiveDestination destination, string relativePath)
            {
                RelativePath = relativePath;
                _target = destination.FullPath(relativePath);
                var folder = Path.GetDirectoryName(_target)!;
                Directory.CreateDirectory(folder);
                _temp = Path.Combine(folder, ArchiveLayout.TemporaryName(Path.GetFileName(_target)));
                _stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            }

            public string RelativePath { get; }
            public Stream Content => _stream;

            public Task<long> PublishAsync(CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _stream.Flush(true);
                var length = _stream.Length;
                _stream.Dispose();
                Rename(_temp, _target);
                _published = true;
                return Task.FromResult(length);
            }

            public void Dispose()
            {
                _stream.Dispose();
                if (!_published)
                {
                    try { File.Delete(_temp); } catch (IOException) { /* the next run's clean-up removes it */ }
                }
            }
        }
    }
}
