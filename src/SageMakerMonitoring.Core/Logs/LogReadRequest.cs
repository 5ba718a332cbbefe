using System;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>What to read: one location, narrowed by a selector, in a time range, optionally filtered by a
    /// CloudWatch Logs filter pattern.</summary>
    public sealed class LogReadRequest
    {
        public LogReadRequest(LogLocation location)
        {
            Location = location ?? throw new ArgumentNullException(nameof(location));
        }

        public LogLocation Location { get; }
        public LogStreamSelector Selector { get; init; } = LogStreamSelector.All;
        /// <summary>Inclusive; null reads from the first event.</summary>
        public DateTime? StartTime { get; init; }
        /// <summary>Exclusive; null reads up to the last event.</summary>
        public DateTime? EndTime { get; init; }
        /// <summary>CloudWatch Logs filter syntax (<c>ERROR</c>, <c>"NCCL timeout"</c>, <c>{ $.level = "ERROR" }</c>, <c>[ts, level=WARN*, ...]</c>).</summary>
        public string? FilterPattern { get; init; }
        /// <summary>Events per FilterLogEvents page (1–10,000); null lets the service choose (up to 10,000 or 1 MB).</summary>
        public int? PageSize { get; init; }
        /// <summary>When the log group does not exist: true reads nothing (SageMaker creates its groups on the first
        /// line logged); false fails with <c>LogGroupNotFound</c>.</summary>
        public bool MissingGroupIsEmpty { get; init; } = true;
    }
}
