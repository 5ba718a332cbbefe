using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>CloudWatch Logs operations used by the module (one page per call).</summary>
    public interface ICloudWatchLogsClient
    {
        Task<LogGroupPage> DescribeLogGroupsAsync(string? logGroupNamePrefix, string? nextToken, int? limit, CancellationToken cancellationToken);
        Task<LogStreamPage> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken);
        Task<FilterLogEventsPage> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken);
        Task<GetLogEventsPage> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken);
        /// <summary>Returns the query id.</summary>
        Task<string> StartQueryAsync(StartQueryRequest request, CancellationToken cancellationToken);
        Task<QueryResultsPage> GetQueryResultsAsync(string queryId, string? nextToken, int? maxItems, CancellationToken cancellationToken);
        Task<bool> StopQueryAsync(string queryId, CancellationToken cancellationToken);
    }

    public sealed record LogGroupInfo(string LogGroupName, string? Arn, DateTime? CreationTime, long? StoredBytes, int? RetentionInDays);

    public sealed class LogGroupPage
    {
        public IReadOnlyList<LogGroupInfo> LogGroups { get; set; } = Array.Empty<LogGroupInfo>();
        public string? NextToken { get; set; }
    }

    public sealed class DescribeLogStreamsRequest
    {
        public string LogGroupName { get; set; } = "";
        public string? LogStreamNamePrefix { get; set; }
        /// <summary>true: orderBy LastEventTime; false: LogStreamName (the default).</summary>
        public bool OrderByLastEventTime { get; set; }
        public bool Descending { get; set; }
        public string? NextToken { get; set; }
        public int? Limit { get; set; }
    }

    public sealed record LogStreamInfo(string LogStreamName, DateTime? CreationTime, DateTime? FirstEventTimestamp, DateTime? LastEventTimestamp, DateTime? LastIngestionTime, long StoredBytes, string? Arn);

    public sealed class LogStreamPage
    {
        public IReadOnlyList<LogStreamInfo> LogStreams { get; set; } = Array.Empty<LogStreamInfo>();
        public string? NextToken { get; set; }
    }

    public sealed class FilterLogEventsRequest
    {
        public string LogGroupName { get; set; } = "";
        /// <summary>At most 100; never together with <see cref="LogStreamNamePrefix"/>.</summary>
        public IReadOnlyList<string> LogStreamNames { get; set; } = Array.Empty<string>();
        public string? LogStreamNamePrefix { get; set; }
        public DateTime? StartTime { get; set; }
        public DateTime? EndTime { get; set; }
        public string? FilterPattern { get; set; }
        public string? NextToken { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>One log event. Timestamps are UTC with millisecond precision.</summary>
    public sealed class LogEventRecord
    {
        public string? LogStreamName { get; set; }
        public DateTime Timestamp { get; set; }
        public DateTime IngestionTime { get; set; }
        public string Message { get; set; } = "";
        public string? EventId { get; set; }
    }

    public sealed class FilterLogEventsPage
    {
        public IReadOnlyList<LogEventRecord> Events { get; set; } = Array.Empty<LogEventRecord>();
        /// <summary>Absent means the end; a page may be empty and still carry a token.</summary>
        public string? NextToken { get; set; }
    }

    public sealed class GetLogEventsRequest
    {
        public string LogGroupName { get; set; } = "";
        public string LogStreamName { get; set; } = "";
        public DateTime? StartTime { get; set; }
        public DateTime? EndTime { get; set; }
        public string? NextToken { get; set; }
        public int? Limit { get; set; }
        public bool StartFromHead { get; set; } = true;
    }

    public sealed class GetLogEventsPage
    {
        public IReadOnlyList<LogEventRecord> Events { get; set; } = Array.Empty<LogEventRecord>();
        public string? NextForwardToken { get; set; }
        public string? NextBackwardToken { get; set; }
    }

    public sealed class StartQueryRequest
    {
        public IReadOnlyList<string> LogGroupNames { get; set; } = Array.Empty<string>();
        public DateTime StartTime { get; set; }
        public DateTime EndTime { get; set; }
        public string QueryString { get; set; } = "";
        public int? Limit { get; set; }
    }

    public sealed class QueryResultsPage
    {
        /// <summary>Scheduled, Running, Complete, Failed, Cancelled, Timeout, Unknown.</summary>
        public string Status { get; set; } = "Unknown";
        /// <summary>Rows; each row is the ordered list of (field, value) pairs the service returned.</summary>
        public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Results { get; set; } = Array.Empty<IReadOnlyList<KeyValuePair<string, string>>>();
        public double RecordsMatched { get; set; }
        public double RecordsScanned { get; set; }
        public double BytesScanned { get; set; }
        public string? NextToken { get; set; }
    }
}
