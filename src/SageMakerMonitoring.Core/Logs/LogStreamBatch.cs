using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Log streams given as objects (Get-SageMakerLogStream's output piped on), grouped by log group: each batch reads
    /// exactly its streams, listing only under their longest common name prefix, from the earliest time any of them
    /// has data.
    /// </summary>
    public sealed class LogStreamBatch
    {
        private LogStreamBatch(string logGroupName, IReadOnlyList<string> logStreamNames, DateTime? earliest)
        {
            LogGroupName = logGroupName;
            LogStreamNames = logStreamNames;
            Earliest = earliest;
        }

        public string LogGroupName { get; }
        public IReadOnlyList<string> LogStreamNames { get; }
        /// <summary>The earliest creation or first-event time of the batch's streams (UTC), when the service gave one.</summary>
        public DateTime? Earliest { get; }

        /// <summary>The group narrowed to the longest common prefix of the stream names.</summary>
        public LogLocation Location
        {
            get
            {
                var location = LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.Custom, LogGroupName));
                var prefix = CommonPrefix(LogStreamNames);
                return prefix.Length == 0 ? location : location with { LogStreamNamePrefix = prefix };
            }
        }

        public LogStreamSelector Selector => new LogStreamSelector { LogStreamNames = LogStreamNames };

        /// <summary>One batch per log group, in order of first appearance; a stream given twice is read once.</summary>
        public static IReadOnlyList<LogStreamBatch> Group(IEnumerable<LogStream> streams)
        {
            if (streams is null) throw new ArgumentNullException(nameof(streams));
            return streams.Where(s => s != null)
                .GroupBy(s => s.LogGroupName, StringComparer.Ordinal)
                .Select(g => new LogStreamBatch(g.Key,
                    g.Select(s => s.LogStreamName).Distinct(StringComparer.Ordinal).ToList(),
                    g.Select(s => s.UtcFirstEventTime ?? s.UtcCreationTime).Where(t => t != null).Min()))
                .ToList();
        }

        internal static string CommonPrefix(IReadOnlyList<string> names)
        {
            if (names.Count == 0) return "";
            var prefix = names[0];
            foreach (var n in names)
            {
                var i = 0;
                while (i < prefix.Length && i < n.Length && prefix[i] == n[i]) i++;
                prefix = prefix.Substring(0, i);
            }
            return prefix;
        }

        public override string ToString() => $"{LogStreamNames.Count} stream(s) of {LogGroupName}";
    }
}
