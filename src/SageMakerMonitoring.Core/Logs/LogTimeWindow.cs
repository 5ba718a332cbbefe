using System;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>The time range to read. A null end means "up to the newest event" (and, when following, on and on).</summary>
    public sealed record LogTimeWindow(DateTime? Start, DateTime? End, string Reason)
    {
        public override string ToString() =>
            $"{(Start is DateTime s ? s.ToString("yyyy-MM-ddTHH:mm:ssZ") : "the first event")} .. {(End is DateTime e ? e.ToString("yyyy-MM-ddTHH:mm:ssZ") : "the newest event")} ({Reason})";
    }
}
