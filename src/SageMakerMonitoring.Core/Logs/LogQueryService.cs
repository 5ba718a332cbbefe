using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Invoke-SageMakerLogQuery's front door: scopes the query to the resource's streams in shared groups, resolves the
    /// range (a job's lifetime by default), runs it with <see cref="LogQueryRunner"/> and streams the rows. A resource
    /// nothing knows is <c>&lt;Kind&gt;NotFound</c>; an explicit log group that does not exist is <c>LogGroupNotFound</c>.
    /// </summary>
    public sealed class LogQueryService
    {
        private readonly ICloudWatchLogsClient _logs;
        private readonly SageMakerResourceResolver? _resources;
        private readonly IOperationReporter _reporter;
        private readonly Func<DateTime> _clock;
        private readonly LogResourceCheck _check;
        private LogQueryRunner? _runner;

        public LogQueryService(ICloudWatchLogsClient logs, ISageMakerClient? sageMaker, IOperationReporter? reporter = null, Func<DateTime>? clock = null)
        {
            _logs = logs ?? throw new ArgumentNullException(nameof(logs));
            _resources = sageMaker is null ? null : new SageMakerResourceResolver(sageMaker);
            _reporter = reporter ?? NullOperationReporter.Instance;
            _clock = clock ?? (() => DateTime.UtcNow);
            _check = new LogResourceCheck(logs, _resources, _reporter, _clock);
        }

        /// <summary>Totals of the last run.</summary>
        public LogQueryStatistics Statistics => _runner?.Statistics ?? new LogQueryStatistics(0, 0, 0, 0, 0, 0);

        public async IAsyncEnumerable<LogQueryRow> RunAsync(LogInsightsQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query is null) throw new ArgumentNullException(nameof(query));
            var resource = query.Resource;
            var explicitGroups = query.LogGroupNames is { Count: > 0 };
            var groups = explicitGroups ? query.LogGroupNames! : new[] { query.Location.LogGroupName };
            var text = explicitGroups ? query.QueryString : await ScopedQueryAsync(query, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                await _check.ExplainEmptyAsync(query, null, null, cancellationToken).ConfigureAwait(false);
                yield break;
            }

            var description = await _check.DescribeIfNeededAsync(query, !explicitGroups && query.StartTime is null && query.Since is null, cancellationToken).ConfigureAwait(false);
            var now = _clock();
            var range = TimeRangeResolver.Resolve(new TimeRangeRequest
            {
                Service = TimeRangeService.Logs,
                StartTime = query.StartTime,
                EndTime = query.EndTime,
                Since = query.Since,
                ResourceSpan = description?.TimeSpan,
            }, now);
            foreach (var clip in range.Clips) _reporter.Warning(clip);
            var r = range.ToRange(now);
            _reporter.Verbose($"{resource}: Logs Insights over {string.Join(", ", groups)}, {r}: {text}");

            _runner = new LogQueryRunner(_logs, _reporter);
            var request = new LogQueryRequest(groups, text, r.Start, r.End) { Limit = query.Limit, Timeout = query.Timeout };
            var rows = _runner.RunAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    LogQueryRow row;
                    try
                    {
                        if (!await rows.MoveNextAsync().ConfigureAwait(false)) break;
                        row = rows.Current;
                    }
                    catch (AwsServiceException ex) when (ex.IsNotFound)
                    {
                        // StartQuery names no missing group by itself: say which, or which resource nothing knows.
                        if (explicitGroups) throw LogStreamLister.LogGroupNotFound(string.Join(", ", groups), ex);
                        await _check.ExplainEmptyAsync(query, null, null, cancellationToken).ConfigureAwait(false);
                        yield break;
                    }
                    yield return row;
                }
            }
            finally
            {
                await rows.DisposeAsync().ConfigureAwait(false);
            }
            var stats = _runner.Statistics;
            // No rows over a resource's group: a name nothing knows is an error, not an empty answer.
            if (stats.Rows == 0 && !explicitGroups) await _check.EnsureKnownAsync(query, cancellationToken).ConfigureAwait(false);
            _reporter.Verbose($"{stats.Rows:N0} row(s) from {stats.Queries} quer{(stats.Queries == 1 ? "y" : "ies")} ({stats.Splits} split(s)); {stats.RecordsMatched:N0} records matched, {stats.RecordsScanned:N0} scanned, {stats.BytesScanned:N0} bytes scanned.");
        }

        /// <summary>
        /// Shared groups (all training jobs log to one group) are narrowed to the resource's streams with a leading
        /// filter on <c>@logStream</c>: by prefix, or, when the selector narrows further, by the exact names of the streams
        /// it selects. Null when no stream is selected.
        /// </summary>
        private async Task<string?> ScopedQueryAsync(LogInsightsQuery query, CancellationToken cancellationToken)
        {
            var location = query.Location;
            string? filter = null;
            if (!query.Selector.SelectsAll || !location.PrefixIsExact)
            {
                var streams = await new LogStreamLister(_logs, _reporter).ListAsync(location, query.Selector, true, cancellationToken).ConfigureAwait(false);
                if (streams.Count == 0) return null;
                filter = "@logStream in [" + string.Join(", ", streams.Select(s => "\"" + s.LogStreamName.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";
                if (filter.Length + query.QueryString.Length > 9_900)
                {
                    _reporter.Warning($"{streams.Count} streams are too many to name in the query; querying every stream of {location} instead.");
                    filter = null;
                }
            }
            if (filter is null && location.LogStreamNamePrefix != null)
            {
                var prefix = EscapeRegex(location.LogStreamNamePrefix);
                filter = location.PrefixIsWholeSegment ? $"@logStream like /^{prefix}($|\\/)/" : $"@logStream like /^{prefix}/";
            }
            return filter is null ? query.QueryString : "filter " + filter + "\n| " + query.QueryString.TrimStart().TrimStart('|').TrimStart();
        }

        private static string EscapeRegex(string text)
        {
            var sb = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if ("\\/^$.|?*+()[]{}".IndexOf(c) >= 0) sb.Append('\\');
                sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
