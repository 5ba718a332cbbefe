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
    }
}
