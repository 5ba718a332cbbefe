using System;

namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>
    /// A failure the user can act on, raised by the core with a stable PascalCase error id (e.g. "PeriodNotRetained"),
    /// its kind, and the offending value. The cmdlets turn it into an ErrorRecord as it is.
    /// </summary>
    public class MonitoringException : Exception
    {
        public MonitoringException(string errorId, ErrorKind kind, string message, object? targetObject = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            TargetObject = targetObject;
        }

        public string ErrorId { get; }
        public ErrorKind Kind { get; }
        public object? TargetObject { get; }
        /// <summary>What the user can do about it, if there is something to say.</summary>
        public string? RecommendedAction { get; init; }
    }
}
