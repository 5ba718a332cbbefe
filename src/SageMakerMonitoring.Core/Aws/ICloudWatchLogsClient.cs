using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws.CloudWatchLogs;

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

    /// <summary>
    /// One FilterLogEvents answer. Its events can be taken one at a time with <see cref="ReadNext"/> (the client keeps
    /// them compact until then, so pages read ahead cost little memory) or all at once with <see cref="Events"/>.
    /// Dispose gives back what an unread page holds.
    /// </summary>
    public sealed class FilterLogEventsPage : IDisposable
    {
        private LogEventsBuffer? _buffer;
        private IReadOnlyList<LogEventRecord>? _events;
        private int _next;

        public FilterLogEventsPage()
        {
        }

        internal FilterLogEventsPage(LogEventsBuffer? buffer)
        {
            _buffer = buffer;
        }

        /// <summary>Every event not taken with <see cref="ReadNext"/> yet (looking does not take them).</summary>
        public IReadOnlyList<LogEventRecord> Events
        {
            get
            {
                if (_events is null)
                {
                    _events = _buffer?.ReadAll() ?? (IReadOnlyList<LogEventRecord>)Array.Empty<LogEventRecord>();
                    _buffer = null;
                }
                else if (_next > 0)
                {
                    var rest = new List<LogEventRecord>(_events.Count - _next);
                    for (var i = _next; i < _events.Count; i++) rest.Add(_events[i]);
                    _events = rest;
                }
                _next = 0;
                return _events;
            }
            set
            {
                _buffer?.Dispose();
                _buffer = null;
                _events = value ?? throw new ArgumentNullException(nameof(value));
                _next = 0;
            }
        }

        /// <summary>Events not read yet.</summary>
        public int RemainingEvents => _buffer?.Remaining ?? (_events is null ? 0 : _events.Count - _next);

        /// <summary>The next event in the answer's order, or null after the last.</summary>
        public LogEventRecord? ReadNext()
        {
            if (_buffer != null) return _buffer.ReadNext();
            return _events != null && _next < _events.Count ? _events[_next++] : null;
        }

        /// <summary>Absent means the end; a page may be empty and still carry a token.</summary>
        public string? NextToken { get; set; }

        public void Dispose()
        {
            _buffer?.Dispose();
            _buffer = null;
        }
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
