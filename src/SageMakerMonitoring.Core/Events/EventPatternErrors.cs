using System.Globalization;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// The module's errors for patterns EventBridge would refuse: <c>EventPatternTooLarge</c> for a pattern longer than
    /// the service accepts, <c>InvalidEventPattern</c> (naming the offending part) for anything else. Both are
    /// InvalidArgument; nothing has been sent when they are raised.
    /// </summary>
    public static class EventPatternErrors
    {
        /// <summary>The error for a pattern the engine refused, naming the offending part of it.</summary>
        public static MonitoringException Invalid(EventPatternException e, string? pattern)
        {
            if (pattern != null && pattern.Length > EventPattern.MaxLength) return TooLarge(pattern.Length, pattern, "The event pattern", e);
            var where = string.IsNullOrEmpty(e.Path) ? "the pattern as a whole" : "'" + e.Path + "'";
            return new MonitoringException("InvalidEventPattern", ErrorKind.InvalidArgument,
                "Event pattern is not valid at " + where + ": " + e.Reason, pattern, e)
            {
                RecommendedAction = "Fix the pattern at " + where + "; EventBridge would refuse it with InvalidEventPatternException.",
            };
        }

        /// <summary>The error for a pattern of <paramref name="length"/> characters, over EventBridge's limit.</summary>
        public static MonitoringException TooLarge(int length, object? target, string what, System.Exception? inner = null)
            => new MonitoringException("EventPatternTooLarge", ErrorKind.InvalidArgument,
                what + " would be " + length.ToString("N0", CultureInfo.InvariantCulture) + " characters long; EventBridge accepts at most "
                + EventPattern.MaxLength.ToString("N0", CultureInfo.InvariantCulture) + " characters per pattern.", target, inner)
            {
                RecommendedAction = "Select fewer resources: give a common prefix (name*) or a wildcard instead of every name, or split the names across several rules.",
            };
    }
}
