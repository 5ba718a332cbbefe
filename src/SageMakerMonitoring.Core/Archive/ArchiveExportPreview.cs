using System;
using System.Collections.Generic;
using System.Globalization;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>What an export run would do (for -WhatIf): which series, over which span, into which archive.</summary>
    public sealed class ArchiveExportPreview
    {
        public ArchiveExportPreview(string destination, IReadOnlyList<string> series, DateTime? from, DateTime? through, int commits, bool recovers)
        {
            Destination = destination;
            Series = series;
            From = from;
            Through = through;
            Commits = commits;
            Recovers = recovers;
        }

        public string Destination { get; }
        /// <summary>Each series as "metric statistic of resource host".</summary>
        public IReadOnlyList<string> Series { get; }
        /// <summary>The earliest time that would be read (UTC); null when nothing is new.</summary>
        public DateTime? From { get; }
        public DateTime? Through { get; }
        public int Commits { get; }
        /// <summary>True when the checkpoint holds an unfinished commit the run would first remove.</summary>
        public bool Recovers { get; }

        /// <summary>One sentence for ShouldProcess: "export 4 series (…) from … to … in 2 commits".</summary>
        public string Describe()
        {
            if (Series.Count == 0) return "export nothing: no series found";
            var names = Series.Count <= 5 ? string.Join(", ", Series) : string.Join(", ", System.Linq.Enumerable.Take(Series, 5)) + $" and {Series.Count - 5} more";
            var span = From is DateTime f && Through is DateTime t
                ? $"from {f.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} to {t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} in {Commits} commit{(Commits == 1 ? "" : "s")}"
                : "with nothing new to read (already exported through " + (Through?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "now") + ")";
            return $"export {Series.Count} series ({names}) {span}" + (Recovers ? ", after removing the files of an unfinished commit" : "");
        }
    }
}
