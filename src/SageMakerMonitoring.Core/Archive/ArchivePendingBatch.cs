using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// The checkpoint's record of a commit under way: the files it may write. A run that finds one left by a run that
    /// died deletes those files before it goes on, so nothing outside a finished commit stays in the archive.
    /// </summary>
    public sealed class ArchivePendingBatch
    {
        public ArchivePendingBatch(long sequence, IReadOnlyList<string> files)
        {
            Sequence = sequence;
            Files = files;
        }

        public long Sequence { get; }
        /// <summary>Relative paths, '/'-separated.</summary>
        public IReadOnlyList<string> Files { get; }
    }
}
