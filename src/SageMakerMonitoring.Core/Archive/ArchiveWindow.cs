using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// One commit of an export: a time window read at one period for the series whose export reaches into it. All
    /// its files are written, made durable, and then the checkpoint moves every member to <see cref="End"/>.
    /// </summary>
    public sealed class ArchiveWindow
    {
        public ArchiveWindow(DateTime start, DateTime end, int period, IReadOnlyList<ArchiveWindowMember> members)
        {
            Start = start;
            End = end;
            Period = period;
            Members = members;
        }

        /// <summary>UTC, inclusive; within one UTC day.</summary>
        public DateTime Start { get; }
        /// <summary>UTC, exclusive.</summary>
        public DateTime End { get; }
        /// <summary>Seconds: 1 while CloudWatch still keeps 1-second data, else 60, 300 or 3600.</summary>
        public int Period { get; }
        public IReadOnlyList<ArchiveWindowMember> Members { get; }

        public override string ToString() => $"{Start:yyyy-MM-ddTHH:mm:ssZ}..{End:yyyy-MM-ddTHH:mm:ssZ} at {Period}s, {Members.Count} series";
    }

    /// <summary>A series in a window: read from <see cref="From"/>; when <see cref="GapFrom"/> is set, [GapFrom, window end) is a gap at the window's period.</summary>
    public sealed class ArchiveWindowMember
    {
        public ArchiveWindowMember(int series, DateTime from, DateTime? gapFrom)
        {
            Series = series;
            From = from;
            GapFrom = gapFrom;
        }

        /// <summary>Index into the planned series.</summary>
        public int Series { get; }
        /// <summary>UTC, aligned to the window's period.</summary>
        public DateTime From { get; }
        public DateTime? GapFrom { get; }
    }
}
