using System;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>Parses look-back spans such as "90s", "15m", "3h", "2d", "1w", "1h30m", or a TimeSpan ("01:30:00").</summary>
    public static class SinceParser
    {
        /// <summary>True for a positive span that a <see cref="TimeSpan"/> can hold; never throws (see <see cref="DurationParser"/>).</summary>
        public static bool TryParse(string? text, out TimeSpan span) => DurationParser.TryRead(text, out span) == DurationParser.Outcome.Parsed;

        /// <summary>Like <see cref="TryParse"/>, but throws a <see cref="FormatException"/> that names the accepted forms.</summary>
        public static TimeSpan Parse(string? text)
        {
            if (TryParse(text, out var span)) return span;
            throw new FormatException($"'{text}' is not a time span. Use a number with a unit, such as 90s, 15m, 3h, 2d or 1w (units may be combined: 1h30m), or a TimeSpan such as 01:30:00.");
        }
    }
}
