using System;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// An event pattern that EventBridge would refuse (PutRule and TestEventPattern answer
    /// <c>InvalidEventPatternException</c>). <see cref="Path"/> names the offending place in the pattern, for example
    /// <c>detail.TrainingJobStatus[0]</c>; <see cref="Reason"/> is the rule that was broken, worded as the service words it.
    /// </summary>
    public sealed class EventPatternException : FormatException
    {
        public EventPatternException(string path, string reason)
            : base(string.IsNullOrEmpty(path) ? reason : reason + " (at " + path + ")")
        {
            Path = path ?? "";
            Reason = reason;
        }

        public EventPatternException(string path, string reason, Exception inner)
            : base(string.IsNullOrEmpty(path) ? reason : reason + " (at " + path + ")", inner)
        {
            Path = path ?? "";
            Reason = reason;
        }

        /// <summary>Where in the pattern the problem is (dotted field path, <c>[i]</c> for array elements); empty for the whole pattern.</summary>
        public string Path { get; }

        /// <summary>Why the pattern is invalid.</summary>
        public string Reason { get; }
    }
}
