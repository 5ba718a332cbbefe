using System;
using System.Management.Automation;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Reading the text-typed arguments every cmdlet shares (durations, periods): Core's
    /// <see cref="DurationParser"/> decides; this only turns its refusal into a terminating error.</summary>
    public abstract partial class SageMakerMonitoringCmdlet
    {
        /// <summary>
        /// Reads a duration the way users type it: "90s", "15m", "2h", "1d", "1w", "1h30m", "01:30:00", a number of
        /// seconds, "0" where <paramref name="allowZero"/>, or (with <paramref name="allowPointInTime"/>, for -Since) a
        /// date and time meaning "since then". Such parameters are strings on purpose: PowerShell parses an unquoted 1d
        /// or 30s as a number literal, and only a string parameter keeps the text as typed. A look-back
        /// (<paramref name="lookBack"/> or <paramref name="allowPointInTime"/>) may reach back to the year 1; any other
        /// duration is a wait or a window and is bounded by <see cref="DurationParser.MaxDelay"/>. Bad text is a
        /// terminating error with ErrorId InvalidDuration naming the parameter and the value.
        /// </summary>
        protected TimeSpan ParseDuration(string text, string parameterName, bool allowPointInTime = false, bool allowZero = false, bool lookBack = false)
        {
            try
            {
                return DurationParser.Parse(text, parameterName, DateTime.UtcNow, allowPointInTime, allowZero,
                    lookBack || allowPointInTime ? (TimeSpan?)null : DurationParser.MaxDelay);
            }
            catch (MonitoringException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(e, text));
                throw; // not reached
            }
        }

        /// <summary>As <see cref="ParseDuration"/>, null for null or empty text.</summary>
        protected TimeSpan? ParseOptionalDuration(string? text, string parameterName, bool allowPointInTime = false) =>
            string.IsNullOrWhiteSpace(text) ? (TimeSpan?)null : ParseDuration(text!, parameterName, allowPointInTime);

        /// <summary>A CloudWatch period: "Auto" → null; seconds (60) or a span (1m, 5m, 1h, 00:05:00) → whole seconds.
        /// Bad or too large text is a terminating error with ErrorId InvalidPeriod.</summary>
        protected int? ParsePeriod(string? text, string parameterName = "Period")
        {
            try
            {
                return DurationParser.ParsePeriod(text, parameterName);
            }
            catch (MonitoringException e)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(e, text));
                throw; // not reached
            }
        }
    }
}
