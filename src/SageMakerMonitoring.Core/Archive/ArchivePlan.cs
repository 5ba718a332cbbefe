using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>The windows of an export run, oldest first, and the spans older than anything CloudWatch keeps.</summary>
    public sealed class ArchivePlan
    {
        public ArchivePlan(IReadOnlyList<ArchiveWindow> windows, IReadOnlyList<(int Series, DateTime Start, DateTime End)> lost, DateTime highResolutionFrom)
        {
            Windows = windows;
            Lost = lost;
            HighResolutionFrom = highResolutionFrom;
        }

        public IReadOnlyList<ArchiveWindow> Windows { get; }
        /// <summary>Per series, a span no period can read any more.</summary>
        public IReadOnlyList<(int Series, DateTime Start, DateTime End)> Lost { get; }
        /// <summary>Where 1-second windows start in this plan.</summary>
        public DateTime HighResolutionFrom { get; }

        /// <summary>
        /// How much of the plan's time range (0–100) the windows before <paramref name="window"/> cover: the export's
        /// progress when that window starts. Windows follow each other in time, so it only grows.
        /// </summary>
        public int PercentDoneBefore(int window)
        {
            long total = 0, done = 0;
            for (var i = 0; i < Windows.Count; i++)
            {
                var ticks = (Windows[i].End - Windows[i].Start).Ticks;
                total += ticks;
                if (i < window) done += ticks;
            }
            return total <= 0 ? (window >= Windows.Count ? 100 : 0) : (int)(done * 100 / total);
        }
    }
}
