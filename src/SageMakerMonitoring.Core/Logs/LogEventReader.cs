using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Reads the events of many streams as one stream in timestamp order. Without narrowing, one FilterLogEvents series
    /// by stream-name prefix covers every stream. With narrowing (or a prefix the service cannot make exact) the
    /// streams are listed, chosen by their parsed parts and read by name, at most 100 names per call; several such
    /// series are merged by (timestamp, ingestion time, series), which keeps ties in a stable order. Pages are
    /// streamed: memory holds at most two compact pages per series and one chunk of events, however many there are.
    /// </summary>
    public sealed class LogEventReader
    {
        /// <summary>The FilterLogEvents limit on <c>logStreamNames</c>.</summary>
        public const int ServiceMaxStreamNamesPerCall = 100;

        private readonly ICloudWatchLogsClient _client;
        private readonly IOperationReporter _reporter;
        private readonly LogStreamLister _lister;

        public LogEventReader(ICloudWatchLogsClient client, IOperationReporter? reporter = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _reporter = reporter ?? NullOperationReporter.Instance;
            _lister = new LogStreamLister(client, _reporter);
        }

        /// <summary>Stream names per FilterLogEvents call (1–100).</summary>
        public int MaxStreamNamesPerCall { get; init; } = ServiceMaxStreamNamesPerCall;

        /// <summary>Pages read by the last completed or abandoned read, for diagnostics.</summary>
        public int LastPagesRead { get; private set; }

        /// <summary>Empty pages that carried a token in the last read.</summary>
        public int LastEmptyPagesWithToken { get; private set; }

        /// <summary>Whether the last read found the log group missing.</summary>
        public bool LastGroupMissing { get; private set; }

        public async IAsyncEnumerable<LogEvent> ReadAsync(LogReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var page in ReadPagesAsync(request, cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < page.Length; i++) yield return page[i];
            }
        }

        /// <summary>
        /// The same events as <see cref="ReadAsync"/>, in the same order, in arrays of up to <see cref="ChunkSize"/>
        /// events: for consumers that hand events on in bulk. Each array is new and belongs to the caller.
        /// </summary>
        public async IAsyncEnumerable<LogEvent[]> ReadPagesAsync(LogReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var names = new Dictionary<string, LogStreamName>(StringComparer.Ordinal);
            var plan = await PlanAsync(request, names, cancellationToken).ConfigureAwait(false);
            await foreach (var page in ReadPlanAsync(request, plan, names, cancellationToken).ConfigureAwait(false))
                yield return page;
        }

        internal async Task<LogReadPlan> PlanAsync(LogReadRequest request, Dictionary<string, LogStreamName> names, CancellationToken cancellationToken)
        {
            var location = request.Location;
            if (request.Selector.SelectsAll && location.PrefixIsExact)
            {
                _reporter.Verbose($"Reading {location} by prefix.");
                return LogReadPlan.ForPrefix(location.LogStreamNamePrefix);
            }

            var streams = await _lister.ListAsync(location, request.Selector, request.MissingGroupIsEmpty, cancellationToken).ConfigureAwait(false);
            var list = new List<string>(streams.Count);
            foreach (var s in streams)
            {
                // A stream whose first event is at or after the end of the range holds nothing for it. (Its last-event time lags
                // on the service, so it cannot be used to skip streams that ended before the start.)
                if (request.EndTime is DateTime end && s.UtcFirstEventTime is DateTime first && first >= end) continue;
                names[s.LogStreamName] = s.Name;
                list.Add(s.LogStreamName);
            }
            var plan = LogReadPlan.ForNames(list, Math.Max(1, Math.Min(MaxStreamNamesPerCall, ServiceMaxStreamNamesPerCall)));
            if (plan.NameChunks.Count > 1)
                _reporter.Verbose($"{list.Count} streams selected: reading them in {plan.NameChunks.Count} FilterLogEvents series of at most {MaxStreamNamesPerCall} names, merged by timestamp.");
            return plan;
        }

        /// <summary>Events per array that <see cref="ReadPagesAsync"/> hands on (fewer at the end of a page).</summary>
        public const int ChunkSize = 1024;

        internal async IAsyncEnumerable<LogEvent[]> ReadPlanAsync(LogReadRequest request, LogReadPlan plan, Dictionary<string, LogStreamName> names, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            LastPagesRead = 0;
            LastEmptyPagesWithToken = 0;
            LastGroupMissing = false;
            if (plan.IsEmpty) yield break;

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var series = CreateSeries(request, plan, linked.Token);
            var location = request.Location;
            try
            {
                if (series.Length == 1)
                {
                    var only = series[0];
                    FilterLogEventsPage? page;
                    while ((page = await only.NextAsync().ConfigureAwait(false)) != null)
                    {
                        try
                        {
                            while (page.RemainingEvents > 0)
                            {
                                var events = new LogEvent[Math.Min(ChunkSize, page.RemainingEvents)];
                                for (var i = 0; i < events.Length; i++) events[i] = Convert(page.ReadNext()!, location, names);
                                yield return events;
                            }
                        }
                        finally
                        {
                            page.Dispose();
                        }
                    }
                }
                else
                {
                    using var merge = new SeriesMerge(series.Length);
                    for (var i = 0; i < series.Length; i++)
                    {
                        var page = await series[i].NextAsync().ConfigureAwait(false);
                        if (page != null) merge.Add(i, page);
                    }
                    var chunk = new LogEvent[ChunkSize];
                    var filled = 0;
                    while (merge.Count > 0)
                    {
                        var (index, record) = merge.Take();
                        chunk[filled++] = Convert(record, location, names);
                        if (filled == chunk.Length)
                        {
                            yield return chunk;
                            chunk = new LogEvent[ChunkSize];
                            filled = 0;
                        }
                        if (merge.NeedsRefill(index))
                        {
                            // About to wait for the network: hand on what is merged so far first.
                            if (filled > 0)
                            {
                                yield return Trim(chunk, filled);
                                chunk = new LogEvent[ChunkSize];
                                filled = 0;
                            }
                            var next = await series[index].NextAsync().ConfigureAwait(false);
                            if (next != null) merge.Add(index, next);
                        }
                    }
                    if (filled > 0) yield return Trim(chunk, filled);
                }
            }
            finally
            {
                linked.Cancel();
                foreach (var s in series)
                {
                    s.Abandon();
                    LastPagesRead += s.PagesRead;
                    LastEmptyPagesWithToken += s.EmptyPagesWithToken;
                    LastGroupMissing |= s.GroupMissing;
                }
            }
            if (LastGroupMissing && request.MissingGroupIsEmpty)
                _reporter.Verbose($"The log group '{location.LogGroupName}' does not exist (yet): nothing has been logged there.");
        }

        private FilterLogEventsSeries[] CreateSeries(LogReadRequest request, LogReadPlan plan, CancellationToken token)
        {
            var start = request.StartTime is DateTime s ? UtcTime.ToUtc(s) : (DateTime?)null;
            // FilterLogEvents' endTime is inclusive; the request's end is exclusive.
            var end = request.EndTime is DateTime e ? UtcTime.ToUtc(e).AddMilliseconds(-1) : (DateTime?)null;
            FilterLogEventsRequest Template(IReadOnlyList<string> streamNames, string? prefix) => new FilterLogEventsRequest
            {
                LogGroupName = request.Location.LogGroupName,
                LogStreamNames = streamNames,
                LogStreamNamePrefix = prefix,
                StartTime = start,
                EndTime = end,
                FilterPattern = string.IsNullOrEmpty(request.FilterPattern) ? null : request.FilterPattern,
                Limit = request.PageSize,
            };

            if (plan.ByPrefix)
                return new[] { new FilterLogEventsSeries(_client, Template(Array.Empty<string>(), plan.Prefix), _reporter, request.MissingGroupIsEmpty, token) };
            var result = new FilterLogEventsSeries[plan.NameChunks.Count];
            for (var i = 0; i < result.Length; i++)
                result[i] = new FilterLogEventsSeries(_client, Template(plan.NameChunks[i], null), _reporter, request.MissingGroupIsEmpty, token);
            return result;
        }

        private static LogEvent[] Trim(LogEvent[] chunk, int count)
        {
            if (count == chunk.Length) return chunk;
            var trimmed = new LogEvent[count];
            Array.Copy(chunk, trimmed, count);
            return trimmed;
        }

        private static LogEvent Convert(LogEventRecord record, LogLocation location, Dictionary<string, LogStreamName> names)
        {
            var streamName = record.LogStreamName ?? "";
            if (!names.TryGetValue(streamName, out var parsed))
            {
                parsed = LogStreamName.Parse(location.LogGroupName, streamName, location.Layout);
                names[streamName] = parsed;
            }
            return new LogEvent(parsed, record.Timestamp, record.IngestionTime, record.Message, record.EventId);
        }
    }
}
