using System;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>A generated SageMaker event (<c>New-SageMakerSampleEvent</c>): a summary plus the full event JSON.</summary>
    public sealed class SageMakerSampleEvent
    {
        public string EventType { get; init; } = "";
        public string DetailType { get; init; } = "";
        /// <summary>The status as the event carries it (null for types without a status).</summary>
        public string? Status { get; init; }
        public string ResourceName { get; init; } = "";
        public string ResourceArn { get; init; } = "";
        /// <summary>The event time, at UTC.</summary>
        public DateTimeOffset Time { get; init; }
        public string Id { get; init; } = "";

        /// <summary>The whole event as EventBridge delivers it.</summary>
        public string Json { get; init; } = "";

        public override string ToString() => Json;
    }
}
