using System;
using System.Collections.Generic;
using System.Globalization;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>A resolved UTC range: start inclusive, end exclusive (null: up to the newest data, logs only), why it is
    /// this range, and which bounds clipped what the user gave (each a warning).</summary>
    public sealed class ResolvedTimeRange
    {
        public ResolvedTimeRange(DateTime start, DateTime? end, string reason, IReadOnlyList<string> clips)
        {
            Start = start;
            End = end;
            Reason = reason;
            Clips = clips;
        }

        public DateTime Start { get; }
        public DateTime? End { get; }
        public string Reason { get; }
        public IReadOnlyList<string> Clips { get; }

        /// <summary>The range with a concrete end (<paramref name="now"/> when open).</summary>
        public TimeRange ToRange(DateTime now)
        {
            var end = End ?? UtcTime.ToUtc(now);
            return new TimeRange(Start, end < Start ? Start : end);
        }

        public override string ToString() =>
            $"{Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} .. {(End is DateTime e ? e.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "the newest event")} ({Reason})";
    }
}
