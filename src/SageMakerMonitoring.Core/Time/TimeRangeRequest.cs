using System;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>Which service's limits bound a range.</summary>
    public enum TimeRangeService
    {
        /// <summary>CloudWatch metrics: at most 455 days back, at most a few minutes ahead.</summary>
        Metrics,
        /// <summary>CloudWatch Logs: retention is the log group's, so only representable times are enforced.</summary>
        Logs,
    }

    /// <summary>What a user typed about time, and the resource's own span for the default.</summary>
    public sealed class TimeRangeRequest
    {
        public TimeRangeService Service { get; init; } = TimeRangeService.Metrics;
        public DateTime? StartTime { get; init; }
        public DateTime? EndTime { get; init; }
        public TimeSpan? Since { get; init; }
        /// <summary>The range reads on as data arrives (logs -Follow): no end.</summary>
        public bool Follow { get; init; }
        /// <summary>A job's own span; used when no start, end or look-back is given.</summary>
        public ResourceTimeSpan? ResourceSpan { get; init; }

        /// <summary>A metric range as the user gave it, with the resource's own span for the default.</summary>
        public static TimeRangeRequest ForMetrics(DateTime? startTime, DateTime? endTime, TimeSpan? since, ResourceTimeSpan? resourceSpan) =>
            new TimeRangeRequest { Service = TimeRangeService.Metrics, StartTime = startTime, EndTime = endTime, Since = since, ResourceSpan = resourceSpan };
    }

    /// <summary>When a resource began (creation) and ended (null while it runs), and how to name it in messages.</summary>
    public sealed record ResourceTimeSpan(DateTime Start, DateTime? End, string Label);
}
