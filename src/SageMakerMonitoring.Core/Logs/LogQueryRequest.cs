using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>A Logs Insights query over one or more log groups and a time range.</summary>
    public sealed class LogQueryRequest
    {
        public LogQueryRequest(IReadOnlyList<string> logGroupNames, string queryString, DateTime startTime, DateTime endTime)
        {
            if (logGroupNames is null || logGroupNames.Count == 0) throw new ArgumentException("At least one log group is required.", nameof(logGroupNames));
            if (logGroupNames.Count > 50) throw new ArgumentException("Logs Insights queries at most 50 log groups at once.", nameof(logGroupNames));
            if (string.IsNullOrWhiteSpace(queryString)) throw new ArgumentException("The query must not be empty.", nameof(queryString));
            LogGroupNames = logGroupNames;
            QueryString = queryString;
            StartTime = startTime;
            EndTime = endTime;
        }

        public IReadOnlyList<string> LogGroupNames { get; }
        public string QueryString { get; }
        /// <summary>Inclusive.</summary>
        public DateTime StartTime { get; }
        /// <summary>Exclusive (Insights works in whole seconds, inclusive at both ends; the last second queried is the one before this).</summary>
        public DateTime EndTime { get; }
        /// <summary>At most this many rows in all; null: every row.</summary>
        public int? Limit { get; init; }
        /// <summary>How long the whole run may take before its query is stopped; null: no limit of our own.</summary>
        public TimeSpan? Timeout { get; init; }
    }
}
