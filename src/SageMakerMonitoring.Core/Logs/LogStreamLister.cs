using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>Lists the streams of a location (DescribeLogStreams by prefix, every page), parsed and narrowed.</summary>
    public sealed class LogStreamLister
    {
        private readonly ICloudWatchLogsClient _client;
        private readonly IOperationReporter _reporter;

        public LogStreamLister(ICloudWatchLogsClient client, IOperationReporter? reporter = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _reporter = reporter ?? NullOperationReporter.Instance;
        }

        /// <summary>Every stream of <paramref name="location"/> that <paramref name="selector"/> keeps, in stream-name order.
        /// A missing log group yields nothing when <paramref name="missingGroupIsEmpty"/>, else fails with <c>LogGroupNotFound</c>.</summary>
        public async Task<IReadOnlyList<LogStream>> ListAsync(LogLocation location, LogStreamSelector? selector, bool missingGroupIsEmpty, CancellationToken cancellationToken)
        {
            if (location is null) throw new ArgumentNullException(nameof(location));
            selector ??= LogStreamSelector.All;
            var result = new List<LogStream>();
            string? token = null;
            var pages = 0;
            do
            {
                var request = new DescribeLogStreamsRequest
                {
                    LogGroupName = location.LogGroupName,
                    LogStreamNamePrefix = location.LogStreamNamePrefix,
                    NextToken = token,
                    Limit = 50,
                };
                LogStreamPage page;
                try
                {
                    page = await _client.DescribeLogStreamsAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsServiceException ex) when (ex.IsNotFound)
                {
                    if (!missingGroupIsEmpty) throw LogGroupNotFound(location.LogGroupName, ex);
                    return Array.Empty<LogStream>();
                }
                pages++;
                foreach (var s in page.LogStreams)
                {
                    if (!location.Matches(s.LogStreamName)) continue;
                    var name = LogStreamName.Parse(location.LogGroupName, s.LogStreamName, location.Layout);
                    if (!selector.Matches(name)) continue;
                    result.Add(new LogStream(name, s.CreationTime, s.FirstEventTimestamp, s.LastEventTimestamp, s.LastIngestionTime, s.StoredBytes, s.Arn));
                }
                token = page.NextToken;
            } while (!string.IsNullOrEmpty(token));
            _reporter.Verbose($"{location}: {result.Count} stream(s) selected ({selector}) from {pages} DescribeLogStreams page(s).");
            result.Sort((a, b) => string.CompareOrdinal(a.LogStreamName, b.LogStreamName));
            return result;
        }

        /// <summary>The streams newest first (by last event, then last ingestion, then creation; ties by name).</summary>
        public static IReadOnlyList<LogStream> NewestFirst(IEnumerable<LogStream> streams) =>
            streams.OrderByDescending(s => s.LatestActivity ?? DateTime.MinValue).ThenBy(s => s.LogStreamName, StringComparer.Ordinal).ToList();

        internal static MonitoringException LogGroupNotFound(string logGroupName, Exception? inner) =>
            new MonitoringException("LogGroupNotFound", ErrorKind.ObjectNotFound, $"The log group '{logGroupName}' does not exist.", logGroupName, inner)
            {
                RecommendedAction = "Check the name (log group names are case-sensitive) and the region.",
            };
    }
}
