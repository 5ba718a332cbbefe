using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>The one object an export run writes: what it archived and what it could not.</summary>
    public sealed class ArchiveExportSummary
    {
        public ArchiveExportSummary(string destination, ArchiveFormat format, int series, long datapoints, int files, long bytes, IReadOnlyList<ArchiveGap> gaps,
            DateTime? exportedFrom, DateTime? exportedThrough, int commits, int requests, TimeSpan duration)
        {
            Destination = destination;
            Format = format;
            Series = series;
            Datapoints = datapoints;
            Files = files;
            Bytes = bytes;
            Gaps = gaps;
            ExportedFrom = exportedFrom;
            ExportedThrough = exportedThrough;
            Commits = commits;
            Requests = requests;
            Duration = duration;
        }

        public string Destination { get; }
        public ArchiveFormat Format { get; }
        /// <summary>Series the run covered.</summary>
        public int Series { get; }
        public long Datapoints { get; }
        /// <summary>Data files written.</summary>
        public int Files { get; }
        /// <summary>Bytes of data files written.</summary>
        public long Bytes { get; }
        /// <summary>Spans this run found lost at their own resolution.</summary>
        public IReadOnlyList<ArchiveGap> Gaps { get; }
        public int GapCount => Gaps.Count;
        /// <summary>The earliest time this run read (UTC); null when there was nothing new.</summary>
        public DateTime? ExportedFrom { get; }
        /// <summary>Where the archive now ends (UTC): now minus the settle delay, or -EndTime.</summary>
        public DateTime? ExportedThrough { get; }
        /// <summary>Checkpoint commits made.</summary>
        public int Commits { get; }
        /// <summary>GetMetricData requests sent.</summary>
        public int Requests { get; }
        public TimeSpan Duration { get; }
        public double BytesPerDatapoint => Datapoints == 0 ? 0 : Math.Round((double)Bytes / Datapoints, 2);
    }
}
