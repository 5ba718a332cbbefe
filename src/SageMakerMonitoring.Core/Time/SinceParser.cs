using System;
using System.Globalization;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>Parses look-back spans such as "90s", "15m", "3h", "2d", "1w", "1h30m", or a TimeSpan ("01:30:00").</summary>
    public static class SinceParser
    {
        public static bool TryParse(string? text, out TimeSpan span)
        {
            span = TimeSpan.Zero;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var s = text!.Trim();
            if (s.IndexOf(':') >= 0 || s.IndexOf('.') > 0 && s.IndexOf('d') < 0)
            {
                if (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out span)) return span > TimeSpan.Zero;
            }

            var total = TimeSpan.Zero;
            var i = 0;
            var any = false;
            while (i < s.Length)
            {
                var start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                if (start == i) return false;
                if (!double.TryParse(s.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return false;
                while (i < s.Length && s[i] == ' ') i++;
                var unitStart = i;
                while (i < s.Length && char.IsLetter(s[i])) i++;
                var unit = s.Substring(unitStart, i - unitStart).ToLowerInvariant();
                TimeSpan part;
                switch (unit)
                {
                    case "s": case "sec": case "secs": case "second": case "seconds": part = TimeSpan.FromSeconds(n); break;
                    case "m": case "min": case "mins": case "minute": case "minutes": part = TimeSpan.FromMinutes(n); break;
                    case "h": case "hr": case "hrs": case "hour": case "hours": part = TimeSpan.FromHours(n); break;
                    case "d": case "day": case "days": part = TimeSpan.FromDays(n); break;
                    case "w": case "week": case "weeks": part = TimeSpan.FromDays(7 * n); break;
                    default: return false;
                }
                total += part;
                any = true;
                while (i < s.Length && s[i] == ' ') i++;
            }
            span = total;
            return any && total > TimeSpan.Zero;
        }

        /// <summary>Like <see cref="TryParse"/>, but throws a <see cref="FormatException"/> that names the accepted forms.</summary>
        public static TimeSpan Parse(string? text)
        {
            if (TryParse(text, out var span)) return span;
            throw new FormatException($"'{text}' is not a time span. Use a number with a unit, such as 90s, 15m, 3h, 2d or 1w (units may be combined: 1h30m), or a TimeSpan such as 01:30:00.");
        }
    }
}
