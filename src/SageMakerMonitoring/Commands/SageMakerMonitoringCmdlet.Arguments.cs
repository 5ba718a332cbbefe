using System;
using System.Globalization;
using System.Management.Automation;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Reading the text-typed arguments every cmdlet shares (durations, periods), with one error shape.</summary>
    public abstract partial class SageMakerMonitoringCmdlet
    {
        /// <summary>
        /// Reads a duration the way users type it: "90s", "15m", "2h", "1d", "1w", "1h30m", "01:30:00", a number of
        /// seconds, "0" where <paramref name="allowZero"/>, or (with <paramref name="allowPointInTime"/>, for -Since) a
        /// date and time meaning "since then". Such parameters are strings on purpose: PowerShell parses an unquoted 1d
        /// or 30s as a number literal, and only a string parameter keeps the text as typed. Bad text is a terminating
        /// error with ErrorId InvalidDuration naming the parameter and the value.
        /// </summary>
        protected TimeSpan ParseDuration(string text, string parameterName, bool allowPointInTime = false, bool allowZero = false)
        {
            var s = text.Trim();
            if (allowZero && (s == "0" || s == "0s" || s == "00:00:00")) return TimeSpan.Zero;
            if (SinceParser.TryParse(s, out var span)) return span;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
                return TimeSpan.FromSeconds(seconds);
            if (allowPointInTime && (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var when)
                                     || DateTime.TryParse(s, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out when)))
            {
                var since = DateTime.UtcNow - UtcTime.ToUtc(when);
                if (since > TimeSpan.Zero) return since;
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-{parameterName} {text} is in the future."), "InvalidTimeRange", ErrorCategory.InvalidArgument, text));
            }
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"-{parameterName} '{text}' is not a duration. Use a number with a unit, such as 90s, 15m, 3h, 2d or 1w (units may be combined: 1h30m), a TimeSpan such as 01:30:00, or a number of seconds"
                    + (allowPointInTime ? ", or a date and time." : ".")),
                "InvalidDuration", ErrorCategory.InvalidArgument, text));
            return TimeSpan.Zero; // not reached
        }

        /// <summary>As <see cref="ParseDuration"/>, null for null or empty text.</summary>
        protected TimeSpan? ParseOptionalDuration(string? text, string parameterName, bool allowPointInTime = false) =>
            string.IsNullOrWhiteSpace(text) ? (TimeSpan?)null : ParseDuration(text!, parameterName, allowPointInTime);

        /// <summary>A CloudWatch period: "Auto" → null; seconds (60) or a span (1m, 5m, 1h, 00:05:00) → whole seconds.
        /// Bad text is a terminating error with ErrorId InvalidPeriod.</summary>
        protected int? ParsePeriod(string? text, string parameterName = "Period")
        {
            if (string.IsNullOrWhiteSpace(text) || string.Equals(text!.Trim(), "Auto", StringComparison.OrdinalIgnoreCase)) return null;
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0) return seconds;
            if (SinceParser.TryParse(text, out var span) && span.TotalSeconds >= 1 && Math.Abs(span.TotalSeconds - Math.Round(span.TotalSeconds)) < 1e-9) return (int)Math.Round(span.TotalSeconds);
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"-{parameterName} '{text}' is not a period. Use Auto, a number of seconds (1, 5, 10, 20, 30, 60, 300, 3600, ...) or a span such as 1m, 5m or 1h."),
                "InvalidPeriod", ErrorCategory.InvalidArgument, text));
            return null; // not reached
        }
    }
}
