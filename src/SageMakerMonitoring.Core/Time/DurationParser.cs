using System;
using System.Globalization;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>
    /// Turns the text users type for durations and CloudWatch periods into values, or into an error that names the
    /// parameter and the value: <c>InvalidDuration</c> / <c>InvalidPeriod</c> (InvalidArgument) for text that is not a
    /// duration or is beyond what can be represented, <c>InvalidTimeRange</c> for a point in time in the future. It never
    /// lets an <see cref="OverflowException"/> or <see cref="ArgumentOutOfRangeException"/> escape.
    /// </summary>
    public static class DurationParser
    {
        /// <summary>The longest wait a timer or delay accepts (int.MaxValue milliseconds, about 24.8 days).</summary>
        public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(int.MaxValue);

        /// <summary>The longest CloudWatch period: the API's Period is a 32-bit number of seconds.</summary>
        public const long MaxPeriodSeconds = int.MaxValue;

        private const string Forms = "Use a number with a unit, such as 90s, 15m, 3h, 2d or 1w (units may be combined: 1h30m), a TimeSpan such as 01:30:00, or a number of seconds";

        /// <summary>How a span of text read.</summary>
        public enum Outcome
        {
            Parsed,
            NotADuration,
            TooLarge,
        }

        /// <summary>
        /// Reads "90s", "15m", "2h", "1d", "1w", "1h30m", "01:30:00", a number of seconds, "0" where
        /// <paramref name="allowZero"/>, or (with <paramref name="allowPointInTime"/>, for -Since) a date and time meaning
        /// "since then", measured from <paramref name="nowUtc"/>. A look-back never reaches before the year 1; other
        /// durations are bounded by <paramref name="maximum"/> when given.
        /// </summary>
        public static TimeSpan Parse(string? text, string parameterName, DateTime nowUtc, bool allowPointInTime = false, bool allowZero = false, TimeSpan? maximum = null)
        {
            var s = (text ?? "").Trim();
            var limit = maximum ?? TimeSpan.MaxValue;
            if (allowPointInTime)
            {
                var toYearOne = UtcTime.ToUtc(nowUtc) - DateTime.MinValue;
                if (toYearOne < limit) limit = toYearOne;
            }
            if (allowZero && (s == "0" || s == "0s" || s == "00:00:00")) return TimeSpan.Zero;

            var outcome = TryRead(s, out var span);
            if (outcome == Outcome.Parsed && span > limit) outcome = Outcome.TooLarge;
            if (outcome == Outcome.Parsed) return span;
            if (outcome == Outcome.TooLarge)
            {
                throw new MonitoringException("InvalidDuration", ErrorKind.InvalidArgument,
                    $"-{parameterName} '{text}' is longer than the longest duration allowed here ({Describe(limit)}).", text)
                {
                    RecommendedAction = $"Give -{parameterName} a shorter duration, such as 7d or 12h.",
                };
            }

            if (allowPointInTime && s.Length > 0 && TryReadPointInTime(s, out var when))
            {
                var now = UtcTime.ToUtc(nowUtc);
                if (when >= now)
                {
                    throw new MonitoringException("InvalidTimeRange", ErrorKind.InvalidArgument, $"-{parameterName} {text} is in the future.", text)
                    {
                        RecommendedAction = $"Give -{parameterName} a past date and time, or a duration such as 3h.",
                    };
                }
                return now - when;
            }

            throw new MonitoringException("InvalidDuration", ErrorKind.InvalidArgument,
                $"-{parameterName} '{text}' is not a duration. {Forms}" + (allowPointInTime ? ", or a date and time." : "."), text)
            {
                RecommendedAction = $"Give -{parameterName} a value such as 90s, 15m, 3h or 2d.",
            };
        }

        /// <summary>
        /// A CloudWatch period: empty or "Auto" → null; a number of seconds (60) or a span (1m, 5m, 1h, 00:05:00) → whole
        /// seconds from 1 to <see cref="MaxPeriodSeconds"/>. Anything else is <c>InvalidPeriod</c>.
        /// </summary>
        public static int? ParsePeriod(string? text, string parameterName = "Period")
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var s = text!.Trim();
            if (string.Equals(s, "Auto", StringComparison.OrdinalIgnoreCase)) return null;

            var tooLarge = false;
            if (IsAllDigits(s))
            {
                // A bare integer: seconds. Digits beyond a long are too large, not "not a number".
                if (s.TrimStart('0').Length > 18 || long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) > MaxPeriodSeconds) tooLarge = true;
                else
                {
                    var n = long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
                    if (n >= 1) return (int)n;
                }
            }
            else
            {
                var outcome = TryRead(s, out var span);
                if (outcome == Outcome.TooLarge) tooLarge = true;
                else if (outcome == Outcome.Parsed && span.TotalSeconds >= 1 && span.Ticks % TimeSpan.TicksPerSecond == 0)
                {
                    if (span.Ticks / TimeSpan.TicksPerSecond > MaxPeriodSeconds) tooLarge = true;
                    else return (int)(span.Ticks / TimeSpan.TicksPerSecond);
                }
            }

            if (tooLarge)
            {
                throw new MonitoringException("InvalidPeriod", ErrorKind.InvalidArgument,
                    $"-{parameterName} '{text}' is longer than the longest period CloudWatch accepts ({MaxPeriodSeconds} seconds).", text)
                {
                    RecommendedAction = $"Give -{parameterName} Auto, or a period such as 60, 5m or 1h.",
                };
            }
            throw new MonitoringException("InvalidPeriod", ErrorKind.InvalidArgument,
                $"-{parameterName} '{text}' is not a period. Use Auto, a whole number of seconds (1, 5, 10, 20, 30, 60, 300, 3600, ...) or a span such as 1m, 5m or 1h.", text)
            {
                RecommendedAction = $"Give -{parameterName} Auto, or a period such as 60, 5m or 1h.",
            };
        }

        /// <summary>Reads a positive duration without throwing: unit text ("1h30m"), a TimeSpan ("01:30:00") or a number
        /// of seconds. Values beyond <see cref="TimeSpan.MaxValue"/> are <see cref="Outcome.TooLarge"/>.</summary>
        public static Outcome TryRead(string? text, out TimeSpan span)
        {
            span = TimeSpan.Zero;
            if (string.IsNullOrWhiteSpace(text)) return Outcome.NotADuration;
            var s = text!.Trim();

            // A plain number is seconds ("90", "1.5"); only text with a colon is a TimeSpan ("01:30:00", "1.02:00:00").
            if (IsNumber(s))
            {
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds)) return Outcome.NotADuration;
                return FromSeconds(seconds, out span);
            }

            if (s.IndexOf(':') >= 0)
            {
                return TryReadTimeSpan(s, out span);
            }

            double total = 0; // in seconds; a double cannot overflow at these sizes
            var i = 0;
            var any = false;
            while (i < s.Length)
            {
                var start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                if (start == i) return Outcome.NotADuration;
                if (!double.TryParse(s.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return Outcome.NotADuration;
                while (i < s.Length && s[i] == ' ') i++;
                var unitStart = i;
                while (i < s.Length && char.IsLetter(s[i])) i++;
                var unit = s.Substring(unitStart, i - unitStart).ToLowerInvariant();
                double factor;
                switch (unit)
                {
                    case "s": case "sec": case "secs": case "second": case "seconds": factor = 1; break;
                    case "m": case "min": case "mins": case "minute": case "minutes": factor = 60; break;
                    case "h": case "hr": case "hrs": case "hour": case "hours": factor = 3600; break;
                    case "d": case "day": case "days": factor = 86400; break;
                    case "w": case "week": case "weeks": factor = 7 * 86400; break;
                    default: return Outcome.NotADuration;
                }
                total += n * factor;
                any = true;
                while (i < s.Length && s[i] == ' ') i++;
            }
            if (!any) return Outcome.NotADuration;
            return FromSeconds(total, out span);
        }

        private static Outcome FromSeconds(double seconds, out TimeSpan span)
        {
            span = TimeSpan.Zero;
            if (double.IsNaN(seconds) || seconds <= 0) return Outcome.NotADuration;
            // TimeSpan.MaxValue.TotalSeconds rounds up in a double; compare in ticks with a margin below it.
            var ticks = seconds * TimeSpan.TicksPerSecond;
            if (double.IsInfinity(ticks) || ticks >= long.MaxValue - 1024) return Outcome.TooLarge;
            span = TimeSpan.FromTicks((long)Math.Round(ticks));
            return span > TimeSpan.Zero ? Outcome.Parsed : Outcome.NotADuration;
        }

        private static Outcome TryReadTimeSpan(string s, out TimeSpan span)
        {
            span = TimeSpan.Zero;
            try
            {
                span = TimeSpan.Parse(s, CultureInfo.InvariantCulture);
                return span > TimeSpan.Zero ? Outcome.Parsed : Outcome.NotADuration;
            }
            catch (OverflowException)
            {
                return Outcome.TooLarge;
            }
            catch (FormatException)
            {
                return Outcome.NotADuration;
            }
        }

        private static bool TryReadPointInTime(string s, out DateTime utc)
        {
            utc = default;
            if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var when)
                && !DateTime.TryParse(s, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out when))
                return false;
            try
            {
                utc = UtcTime.ToUtc(when);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static bool IsAllDigits(string s)
        {
            if (s.Length == 0) return false;
            foreach (var c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        private static bool IsNumber(string s)
        {
            foreach (var c in s) if (!(char.IsDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+')) return false;
            return s.Length > 0 && char.IsDigit(s[0]) || s.Length > 1 && s[0] == '.';
        }

        private static bool HasLetter(string s)
        {
            foreach (var c in s) if (char.IsLetter(c)) return true;
            return false;
        }

        private static string Describe(TimeSpan limit) =>
            limit.TotalDays >= 2 ? $"{Math.Floor(limit.TotalDays).ToString("N0", CultureInfo.InvariantCulture)} days"
            : limit.TotalHours >= 2 ? $"{Math.Floor(limit.TotalHours).ToString("N0", CultureInfo.InvariantCulture)} hours"
            : $"{Math.Floor(limit.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} seconds";
    }
}
