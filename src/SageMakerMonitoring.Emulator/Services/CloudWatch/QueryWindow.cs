using System;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// The range of stored points a Get* query may see, after CloudWatch's time rules (all against the emulator clock):
    /// <list type="bullet">
    /// <item>Age rule on StartTime: older than 3 h needs a Period that is a multiple of 60, older than 15 days a
    /// multiple of 300, older than 63 days a multiple of 3600; otherwise the query sees nothing (no error).</item>
    /// <item>StartTime rounding: Period below 60 → down to a multiple of the period; otherwise up to 15 days old →
    /// down to the minute, 15–63 days → down to 5 minutes, older → down to the hour.</item>
    /// <item>Retention by period: below 60 s sees points at most 3 h old; multiples of 60 (not of 300) 15 days;
    /// multiples of 300 (not of 3600) 63 days; multiples of 3600 455 days.</item>
    /// <item>StartTime inclusive, EndTime exclusive.</item>
    /// </list>
    /// Boundaries are inclusive: a StartTime exactly 3 h old still counts as "within 3 h".
    /// </summary>
    internal readonly struct QueryWindow
    {
        public const long ThreeHours = 3 * 3600;
        public const long FifteenDays = 15 * 86400;
        public const long SixtyThreeDays = 63 * 86400;
        public const long FourHundredFiftyFiveDays = 455 * 86400;

        private QueryWindow(long roundedStart, long end, long from, bool empty)
        {
            RoundedStart = roundedStart;
            End = end;
            From = from;
            IsEmpty = empty;
        }

        /// <summary>StartTime after rounding (epoch seconds).</summary>
        public long RoundedStart { get; }
        /// <summary>Exclusive end (epoch seconds, rounded up so that points strictly before EndTime are included).</summary>
        public long End { get; }
        /// <summary>First visible timestamp: the rounded start, or later when retention hides older points.</summary>
        public long From { get; }
        /// <summary>True when the query can see no points (age rule mismatch or nothing retained in range).</summary>
        public bool IsEmpty { get; }

        public static QueryWindow Resolve(double startEpoch, double endEpoch, long period, double nowEpoch)
        {
            var age = nowEpoch - startEpoch;
            long rounding;
            var mismatch = false;
            if (age > SixtyThreeDays)
            {
                mismatch = period % 3600 != 0;
                rounding = 3600;
            }
            else if (age > FifteenDays)
            {
                mismatch = period % 300 != 0;
                rounding = 300;
            }
            else if (age > ThreeHours)
            {
                mismatch = period % 60 != 0;
                rounding = 60;
            }
            else
            {
                rounding = period < 60 ? period : 60;
            }

            var start = (long)Math.Floor(startEpoch);
            var roundedStart = PeriodAggregator.FloorToPeriod(start, rounding);
            var end = (long)Math.Ceiling(endEpoch);
            var retainedFrom = (long)Math.Ceiling(nowEpoch - Retention(period));
            var from = Math.Max(roundedStart, retainedFrom);
            return new QueryWindow(roundedStart, end, from, mismatch || from >= end);
        }

        /// <summary>How long points stay readable at a given period.</summary>
        public static long Retention(long period)
        {
            if (period < 60) return ThreeHours;
            if (period % 3600 == 0) return FourHundredFiftyFiveDays;
            if (period % 300 == 0) return SixtyThreeDays;
            return FifteenDays;
        }

        /// <summary>Whether a period is valid at all: 1, 5, 10, 20, 30 or a multiple of 60.</summary>
        public static bool IsValidPeriod(long period) =>
            period == 1 || period == 5 || period == 10 || period == 20 || period == 30 || (period >= 60 && period % 60 == 0);
    }
}
