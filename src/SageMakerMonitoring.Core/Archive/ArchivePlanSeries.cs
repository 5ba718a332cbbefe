using System;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>What the window planner needs of a series: where its export starts and what it had before.</summary>
    public sealed class ArchivePlanSeries
    {
        public ArchivePlanSeries(DateTime start, bool exportedBefore, int resolution, DateTime? backfillUntil)
        {
            Start = start;
            ExportedBefore = exportedBefore;
            Resolution = resolution;
            BackfillUntil = backfillUntil;
        }

        /// <summary>The checkpoint's exported-through time, or the initial look-back start of a new series (UTC).</summary>
        public DateTime Start { get; }
        /// <summary>True when the checkpoint already held the series: coarser data after its start is then a gap.</summary>
        public bool ExportedBefore { get; }
        /// <summary>1 or 60: the finest period the series has.</summary>
        public int Resolution { get; }
        public DateTime? BackfillUntil { get; }
    }
}
