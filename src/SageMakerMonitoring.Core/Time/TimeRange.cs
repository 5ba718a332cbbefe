using System;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>A UTC time range, start inclusive, end exclusive.</summary>
    public readonly struct TimeRange : IEquatable<TimeRange>
    {
        public TimeRange(DateTime start, DateTime end)
        {
            Start = UtcTime.ToUtc(start);
            End = UtcTime.ToUtc(end);
            if (End < Start) throw new ArgumentException($"The end time {End:o} is before the start time {Start:o}.");
        }

        public DateTime Start { get; }
        public DateTime End { get; }
        public TimeSpan Duration => End - Start;

        public bool Equals(TimeRange other) => Start == other.Start && End == other.End;
        public override bool Equals(object? obj) => obj is TimeRange r && Equals(r);
        public override int GetHashCode() => Start.GetHashCode() * 31 + End.GetHashCode();
        public override string ToString() => $"{Start:yyyy-MM-ddTHH:mm:ssZ} .. {End:yyyy-MM-ddTHH:mm:ssZ}";
    }
}
