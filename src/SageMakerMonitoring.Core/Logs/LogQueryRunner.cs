using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Runs a Logs Insights query to the end: StartQuery (waiting out the concurrent-query limit with back-off), polls
    /// GetQueryResults reporting records matched/scanned and bytes scanned, pages the results, and types every row.
    /// When a result reaches the row cap and the query's rows are events, the time range is split in halves and each
    /// half queried again until every row has come back. On cancellation or timeout the running query is stopped on the
    /// service (StopQuery) before the run ends.
    /// </summary>
    public sealed class LogQueryRunner
    {
        /// <summary>Rows one query returns at most (the GetQueryResults cap).</summary>
        public const int ServiceRowCap = 10_000;
        private const int ProgressActivityId = 51;
        private static readonly TimeSpan StopQueryGrace = TimeSpan.FromSeconds(5);

        private readonly ICloudWatchLogsClient _client;
        private readonly IOperationReporter _reporter;
        private readonly object _gate = new object();
        private readonly List<string> _stoppedQueryIds = new List<string>();
        private int _queries, _splits;
        private long _rows;
        private double _matched, _scanned, _bytes;

        public LogQueryRunner(ICloudWatchLogsClient client, IOperationReporter? reporter = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _reporter = reporter ?? NullOperationReporter.Instance;
        }

        /// <summary>Rows per query before the range is split (at most <see cref="ServiceRowCap"/>).</summary>
        public int RowCap { get; init; } = ServiceRowCap;
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);
        public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(2);
        public TimeSpan ConcurrencyBackoff { get; init; } = TimeSpan.FromSeconds(1);
        public TimeSpan MaxConcurrencyBackoff { get; init; } = TimeSpan.FromSeconds(20);

        /// <summary>Totals of the run so far.</summary>
        public LogQueryStatistics Statistics
        {
            get { lock (_gate) return new LogQueryStatistics(_queries, _splits, _rows, _matched, _scanned, _bytes); }
        }

        /// <summary>Queries this runner stopped on the service (cancellation or timeout).</summary>
        public IReadOnlyList<string> StoppedQueryIds
        {
            get { lock (_gate) return _stoppedQueryIds.ToArray(); }
        }

        public async IAsyncEnumerable<LogQueryRow> RunAsync(LogQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var shape = LogQueryShape.Of(request.QueryString);
            var first = UtcTime.ToEpochSeconds(request.StartTime);
            var endMs = UtcTime.ToEpochMilliseconds(request.EndTime);
            var last = (endMs - 1) / 1000;
            if (last < first) last = first;

            using var timeout = new CancellationTokenSource();
            if (request.Timeout is TimeSpan t) timeout.CancelAfter(t);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var token = linked.Token;

            var pending = new Stack<(long First, long Last)>();
            pending.Push((first, last));
            long emitted = 0;
            var limit = request.Limit;
            try
            {
                while (pending.Count > 0)
                {
                    var (a, b) = pending.Pop();
                    var wanted = limit is int l ? (int)Math.Min(RowCap, l - emitted) : RowCap;
                    if (wanted <= 0) break;
                    List<LogQueryRow> rows;
                    QueryResultsPage final;
                    try
                    {
                        (rows, final) = await ExecuteAsync(request.LogGroupNames, request.QueryString, a, b, wanted, token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        throw new MonitoringException("QueryTimedOut", ErrorKind.OperationTimeout,
                            $"The Logs Insights query did not finish within {request.Timeout}; it was stopped.", request.QueryString)
                        {
                            RecommendedAction = "Narrow the time range or the log groups, or raise -Timeout.",
                        };
                    }

                    var capped = rows.Count >= wanted && wanted == RowCap
                                 || rows.Count < wanted && shape.CanSplitByTime && !shape.Deduplicates && final.RecordsMatched > rows.Count;
                    if (capped && shape.CanSplitByTime && b > a)
                    {
                        var mid = a + (b - a + 1) / 2;
                        lock (_gate) _splits++;
                        _reporter.Verbose($"The query returned {rows.Count:N0} rows for {Describe(a, b)} ({final.RecordsMatched:N0} records matched), the row cap; splitting the range into {Describe(a, mid - 1)} and {Describe(mid, b)} so every row comes back.");
                        // Stack: the half to run first is pushed last.
                        if (shape.Ascending)
                        {
                            pending.Push((mid, b));
                            pending.Push((a, mid - 1));
                        }
                        else
                        {
                            pending.Push((a, mid - 1));
                            pending.Push((mid, b));
                        }
                        continue;
                    }
                    if (capped && !(limit is int && rows.Count >= wanted))
                        _reporter.Warning(shape.CanSplitByTime
                            ? $"The query returned {rows.Count:N0} rows for the single second {Describe(a, b)}; more rows matched and cannot be split further."
                            : $"The query returned {rows.Count:N0} rows, the row cap; an aggregating or limited query cannot be split by time, so rows may be missing. Narrow the time range or the grouping.");

                    foreach (var row in rows)
                    {
                        if (limit is int max && emitted >= max) break;
                        emitted++;
                        yield return row;
                    }
                }
            }
            finally
            {
                _reporter.Progress(new ProgressInfo("Logs Insights query", "Done", 100, Completed: true, ActivityId: ProgressActivityId));
            }
        }

        private async Task<(List<LogQueryRow> Rows, QueryResultsPage Final)> ExecuteAsync(IReadOnlyList<string> groups, string query, long first, long last, int limit, CancellationToken token)
        {
            var start = new StartQueryRequest
            {
                LogGroupNames = groups,
                QueryString = query,
                StartTime = UtcTime.FromEpochSeconds(first),
                EndTime = UtcTime.FromEpochSeconds(last),
                Limit = limit,
            };
            var queryId = await StartWithBackoffAsync(start, token).ConfigureAwait(false);
            lock (_gate) _queries++;
            _reporter.Verbose($"Started Logs Insights query {queryId} over {string.Join(", ", groups)} for {Describe(first, last)} (limit {limit:N0}).");
            try
            {
                var delay = PollInterval;
                QueryResultsPage page;
                while (true)
                {
                    page = await _client.GetQueryResultsAsync(queryId, null, null, token).ConfigureAwait(false);
                    _reporter.Progress(new ProgressInfo("Logs Insights query",
                        $"{page.Status}: {page.RecordsMatched:N0} records matched, {page.RecordsScanned:N0} scanned, {FormatBytes(page.BytesScanned)} scanned",
                        ActivityId: ProgressActivityId, CurrentOperation: $"{queryId} ({Describe(first, last)})"));
                    if (page.Status == "Complete") break;
                    if (page.Status == "Failed" || page.Status == "Cancelled" || page.Status == "Timeout")
                        throw new MonitoringException("Query" + page.Status, page.Status == "Timeout" ? ErrorKind.OperationTimeout : ErrorKind.InvalidOperation,
                            $"The Logs Insights query {queryId} ended with status {page.Status}.", query);
                    await Task.Delay(delay, token).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(MaxPollInterval.Ticks, (long)(delay.Ticks * 1.5)));
                }

                var rows = new List<LogQueryRow>(page.Results.Count);
                AddRows(rows, page);
                var next = page.NextToken;
                while (!string.IsNullOrEmpty(next))
                {
                    var current = next;
                    var more = await _client.GetQueryResultsAsync(queryId, current, ServiceRowCap, token).ConfigureAwait(false);
                    AddRows(rows, more);
                    next = more.NextToken;
                }
                lock (_gate)
                {
                    _rows += rows.Count;
                    _matched += page.RecordsMatched;
                    _scanned += page.RecordsScanned;
                    _bytes += page.BytesScanned;
                }
                return (rows, page);
            }
            catch (OperationCanceledException)
            {
                await StopAsync(queryId).ConfigureAwait(false);
                throw;
            }
        }

        private async Task<string> StartWithBackoffAsync(StartQueryRequest start, CancellationToken token)
        {
            var backoff = ConcurrencyBackoff;
            for (var attempt = 1; ; attempt++)
            {
                token.ThrowIfCancellationRequested();
                try
                {
                    // A StartQuery in flight when the run is cancelled or times out gets a short grace to answer, so the
                    // query it started is known and can be stopped instead of running on unseen.
                    using var inFlight = new CancellationTokenSource();
                    using (token.Register(() => inFlight.CancelAfter(StopQueryGrace)))
                    {
                        var queryId = await _client.StartQueryAsync(start, inFlight.Token).ConfigureAwait(false);
                        if (token.IsCancellationRequested)
                        {
                            await StopAsync(queryId).ConfigureAwait(false);
                            token.ThrowIfCancellationRequested();
                        }
                        return queryId;
                    }
                }
                catch (AwsServiceException ex) when (ex.IsLimitExceeded)
                {
                    _reporter.Verbose($"StartQuery: the concurrent Logs Insights query limit is reached; waiting {backoff.TotalSeconds:0.##} s (attempt {attempt}).");
                    _reporter.Progress(new ProgressInfo("Logs Insights query", $"Waiting for a free query slot (attempt {attempt})", ActivityId: ProgressActivityId));
                    await Task.Delay(backoff, token).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(MaxConcurrencyBackoff.Ticks, backoff.Ticks * 2));
                }
            }
        }

        private async Task StopAsync(string queryId)
        {
            using var grace = new CancellationTokenSource(StopQueryGrace);
            try
            {
                await _client.StopQueryAsync(queryId, grace.Token).ConfigureAwait(false);
                _reporter.Verbose($"Stopped Logs Insights query {queryId}.");
            }
            catch (Exception ex) when (ex is AwsServiceException || ex is OperationCanceledException)
            {
                // Already finished, or the service cannot be reached: nothing more to do.
                _reporter.Verbose($"StopQuery {queryId}: {ex.Message}");
            }
            lock (_gate) _stoppedQueryIds.Add(queryId);
        }

        private static void AddRows(List<LogQueryRow> rows, QueryResultsPage page)
        {
            foreach (var raw in page.Results)
            {
                var fields = new LogQueryField[raw.Count];
                for (var i = 0; i < raw.Count; i++) fields[i] = new LogQueryField(raw[i].Key, LogQueryValueParser.Parse(raw[i].Key, raw[i].Value));
                rows.Add(new LogQueryRow(fields));
            }
        }

        private static string Describe(long first, long last) =>
            $"{UtcTime.FromEpochSeconds(first):yyyy-MM-ddTHH:mm:ssZ}..{UtcTime.FromEpochSeconds(last):yyyy-MM-ddTHH:mm:ssZ}";

        internal static string FormatBytes(double bytes)
        {
            string[] units = { "B", "KB", "MB", "GB", "TB" };
            var u = 0;
            while (bytes >= 1024 && u < units.Length - 1)
            {
                bytes /= 1024;
                u++;
            }
            return bytes.ToString(u == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[u];
        }
    }
}
