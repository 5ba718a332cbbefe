using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// The one object an export run writes: what it archived and what it could not. Flat for Export-Csv and
    /// ConvertTo-Json: the format as its name, times as DateTimeOffset at UTC, the duration in seconds, the gaps as a
    /// list whose text is one line per gap.
    /// </summary>
    public sealed class ArchiveExportSummary
    {
        public ArchiveExportSummary(string destination, ArchiveFormat format, int series, long datapoints, int files, long bytes, IReadOnlyList<ArchiveGap> gaps,
            DateTime? exportedFrom, DateTime? exportedThrough, int commits, int requests, TimeSpan duration)
        {
            Destination = destination;
            Format = format.ToString();
            Series = series;
            Datapoints = datapoints;
            Files = files;
            Bytes = bytes;
            Gaps = gaps is null || gaps.Count == 0 ? TextList<ArchiveGap>.Empty : new TextList<ArchiveGap>(gaps.ToArray());
            ExportedFrom = OutputTime.From(exportedFrom);
            ExportedThrough = OutputTime.From(exportedThrough);
            Commits = commits;
            Requests = requests;
            DurationSeconds = Math.Round(duration.TotalSeconds, 3);
        }

        public string Destination { get; }
        /// <summary>The Region the metrics were read in.</summary>
        public string? Region => Scope?.Region;
        /// <summary>The account of the credentials (or of the resources' ARNs) the metrics were read with.</summary>
        public string? Account => Scope?.Account;
        internal Output.ResourceScope? Scope { get; set; }
        /// <summary>The archive format's name (JsonLines, Csv).</summary>
        public string Format { get; }
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
        /// <summary>The earliest time this run read (at UTC); null when there was nothing new.</summary>
        public DateTimeOffset? ExportedFrom { get; }
        /// <summary>Where the archive now ends (at UTC): now minus the settle delay, or -EndTime.</summary>
        public DateTimeOffset? ExportedThrough { get; }
        /// <summary>Checkpoint commits made.</summary>
        public int Commits { get; }
        /// <summary>GetMetricData requests sent.</summary>
        public int Requests { get; }
        /// <summary>How long the run took, in seconds.</summary>
        public double DurationSeconds { get; }
        public double BytesPerDatapoint => Datapoints == 0 ? 0 : Math.Round((double)Bytes / Datapoints, 2);
    }
}
