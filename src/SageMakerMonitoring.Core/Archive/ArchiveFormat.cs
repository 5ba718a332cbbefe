namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>How archive data files are written. Both are gzip-compressed.</summary>
    public enum ArchiveFormat
    {
        /// <summary>gzip JSON Lines (.jsonl.gz), one object per datapoint with short keys.</summary>
        JsonLines,
        /// <summary>gzip CSV (.csv.gz) with a header row.</summary>
        Csv,
    }
}
