using System;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>What every log front door is asked about: the resource the user named (or an explicit log group,
    /// <see cref="SageMakerResourceType.Custom"/>), where its logs are, and which of its streams.</summary>
    public abstract class LogResourceQuery
    {
        protected LogResourceQuery(SageMakerResource resource, LogLocation location)
        {
            Resource = resource ?? throw new ArgumentNullException(nameof(resource));
            Location = location ?? throw new ArgumentNullException(nameof(location));
        }

        public SageMakerResource Resource { get; }
        public LogLocation Location { get; }
        public LogStreamSelector Selector { get; init; } = LogStreamSelector.All;
    }

    /// <summary>Get-SageMakerLogStream: the streams of a resource.</summary>
    public sealed class LogStreamQuery : LogResourceQuery
    {
        public LogStreamQuery(SageMakerResource resource, LogLocation location) : base(resource, location)
        {
        }
    }

    /// <summary>Get-SageMakerLogEvent: the events of a resource in a range (what the user typed; the range is resolved
    /// by the service), optionally filtered, optionally followed.</summary>
    public sealed class LogEventQuery : LogResourceQuery
    {
        public LogEventQuery(SageMakerResource resource, LogLocation location) : base(resource, location)
        {
        }

        public DateTime? StartTime { get; init; }
        public DateTime? EndTime { get; init; }
        public TimeSpan? Since { get; init; }
        public string? FilterPattern { get; init; }
        public bool Follow { get; init; }
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
    }

    /// <summary>Invoke-SageMakerLogQuery: a Logs Insights query over a resource's streams (scoped to them in shared
    /// groups) or over explicit log groups.</summary>
    public sealed class LogInsightsQuery : LogResourceQuery
    {
        public LogInsightsQuery(SageMakerResource resource, LogLocation location, string queryString) : base(resource, location)
        {
            if (string.IsNullOrWhiteSpace(queryString)) throw new ArgumentException("The query must not be empty.", nameof(queryString));
            QueryString = queryString;
        }

        public string QueryString { get; }
        /// <summary>Explicit log groups (the LogGroup parameter set); null queries the resource's group.</summary>
        public System.Collections.Generic.IReadOnlyList<string>? LogGroupNames { get; init; }
        public DateTime? StartTime { get; init; }
        public DateTime? EndTime { get; init; }
        public TimeSpan? Since { get; init; }
        public int? Limit { get; init; }
        public TimeSpan? Timeout { get; init; }
    }
}
