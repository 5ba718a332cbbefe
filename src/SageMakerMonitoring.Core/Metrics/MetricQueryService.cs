using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// Get-SageMakerMetric and Find-SageMakerMetric in one place: resolves the range and the series, chooses and checks
    /// the period against CloudWatch's retention, plans the fewest GetMetricData calls and streams datapoints as pages
    /// arrive. Warns (with what was searched and similar names) when a resource has no metrics.
    /// </summary>
    public sealed class MetricQueryService
    {
        private readonly ICloudWatchClient _cloudWatch;
        private readonly ISageMakerClient? _sageMaker;
        private readonly IOperationReporter _reporter;
        private readonly Func<DateTime> _clock;
        private readonly MetricReadOptions _options;

        public MetricQueryService(ICloudWatchClient cloudWatch, ISageMakerClient? sageMaker, IOperationReporter? reporter = null,
            Func<DateTime>? clock = null, MetricReadOptions? options = null)
        {
            _cloudWatch = cloudWatch;
            _sageMaker = sageMaker;
            _reporter = reporter ?? NullOperationReporter.Instance;
            _clock = clock ?? (() => DateTime.UtcNow);
            _options = options ?? MetricReadOptions.Default;
        }

        /// <summary>GetMetricData requests sent by the last Get (pages and retries included).</summary>
        public int GetMetricDataRequests { get; private set; }
        /// <summary>The planner's lower bound for the last Get's work.</summary>
        public long LowerBound { get; private set; }

        /// <summary>Every metric of the selection that ListMetrics knows (all pages), streamed.</summary>
        public IAsyncEnumerable<MetricInfo> FindAsync(MetricSelection selection, bool recentlyActive, CancellationToken cancellationToken) =>
            FindAsync(new MetricFindRequest(selection) { RecentlyActive = recentlyActive }, cancellationToken);

        /// <summary>Find-SageMakerMetric's front door: the metrics ListMetrics knows for the selection (all pages, narrowed
        /// by the request's name filter), streamed. When CloudWatch knows none, SageMaker decides: a resource it does not
        /// know either is <c>&lt;Kind&gt;NotFound</c>; one it knows is a warning saying what was searched.</summary>
        public async IAsyncEnumerable<MetricInfo> FindAsync(MetricFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var selection = request.Selection;
            var resolver = new MetricSeriesResolver(_cloudWatch, _sageMaker is null ? null : new SageMakerResourceResolver(_sageMaker));
            long listed = 0, found = 0;
            await foreach (var metric in resolver.ListAsync(selection, request.RecentlyActive, null, cancellationToken).ConfigureAwait(false))
            {
                listed++;
                if (request.MetricNameFilter != null && !request.MetricNameFilter(metric.MetricName)) continue;
                found++;
                yield return metric;
            }
            if (found > 0) yield break;
            if (listed == 0)
            {
                // Nothing listed: a name neither CloudWatch (over its two weeks, not only the last 3 hours) nor SageMaker knows is an error.
                if (request.RecentlyActive) await resolver.EnsureKnownAsync(selection, cancellationToken).ConfigureAwait(false);
                else await resolver.DescribeKnownAsync(selection, cancellationToken).ConfigureAwait(false);
            }
            _reporter.Warning($"No metrics{(listed > 0 ? " matching the given names" : "")} found for {selection}{(request.RecentlyActive ? " with data in the last 3 hours" : "")}. "
                + $"Searched {MetricSeriesResolver.DescribeSearch(selection)}.");
        }

        /// <summary>Streams the datapoints of the query; each series ascending.</summary>
        public async IAsyncEnumerable<MetricDatapoint> GetAsync(MetricQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var points in GetCoreAsync(query, null, ReadPoints, p => p.Length, cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < points.Length; i++) yield return points[i];
            }
        }

        /// <summary>The same points as <see cref="GetAsync"/>, in the same order, as arrays (one per series per page),
        /// for consumers that hand points on in bulk. Each array is new and belongs to the caller.</summary>
        public IAsyncEnumerable<MetricDatapoint[]> GetPagesAsync(MetricQuery query, CancellationToken cancellationToken) =>
            GetCoreAsync(query, null, ReadPoints, p => p.Length, cancellationToken);

        /// <summary>The same points as <see cref="GetAsync"/>, in the same order, in arrays of at most
        /// <paramref name="batchSize"/> points. Pages travel as arrays of timestamps and values and each batch of objects
        /// is made only when the consumer asks for it, so a consumer that waits for its pipeline keeps only a few
        /// batches of objects alive (they die young instead of surviving a collection as whole pages would).</summary>
        public async IAsyncEnumerable<MetricDatapoint[]> GetPointBatchesAsync(MetricQuery query, int batchSize,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize));
            await foreach (var chunk in GetCoreAsync(query, null, ReadChunks, c => c.Count, cancellationToken).ConfigureAwait(false))
            {
                var series = chunk.Series;
                var timestamps = chunk.Timestamps;
                var values = chunk.Values;
                for (var offset = 0; offset < chunk.Count; offset += batchSize)
                {
                    var batch = new MetricDatapoint[Math.Min(batchSize, chunk.Count - offset)];
                    for (var i = 0; i < batch.Length; i++) batch[i] = new MetricDatapoint(series, timestamps[offset + i], values[offset + i]);
                    yield return batch;
                }
            }
        }

        /// <summary>Streams one <see cref="MetricSeries"/> per series, each written as soon as its last call is read.
        /// The points travel as arrays from the page to the series: no object per point.</summary>
        public async IAsyncEnumerable<MetricSeries> GetSeriesAsync(MetricQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var buffers = new Dictionary<MetricSeriesDescriptor, SeriesBuffer>();
            var ready = new Queue<MetricSeriesDescriptor>();
            await foreach (var chunk in GetCoreAsync(query, s => ready.Enqueue(s), ReadChunks, c => c.Count, cancellationToken).ConfigureAwait(false))
            {
                if (!buffers.TryGetValue(chunk.Series, out var buffer))
                {
                    buffer = new SeriesBuffer();
                    buffers[chunk.Series] = buffer;
                }
                buffer.Append(chunk);
                while (ready.Count > 0) yield return Take(ready.Dequeue());
            }
            while (ready.Count > 0) yield return Take(ready.Dequeue());

            MetricSeries Take(MetricSeriesDescriptor s)
            {
                if (buffers.TryGetValue(s, out var b))
                {
                    buffers.Remove(s);
                    return b.ToSeries(s);
                }
                return new MetricSeries(s, Array.Empty<DateTime>(), Array.Empty<double>());
            }
        }

        private static IAsyncEnumerable<MetricSeriesChunk> ReadChunks(MetricDataReader reader, MetricDataCall call, Func<MetricSeriesDescriptor, DateTime, bool> accept,
            Action<MetricSeriesDescriptor, DateTime[]>? observe, CancellationToken cancellationToken, Action<MetricSeriesDescriptor> standardResolution, PendingMetricPage? first) =>
            reader.ReadChunksAsync(call, accept, observe, cancellationToken, standardResolution, first);

        private static IAsyncEnumerable<MetricDatapoint[]> ReadPoints(MetricDataReader reader, MetricDataCall call, Func<MetricSeriesDescriptor, DateTime, bool> accept,
            Action<MetricSeriesDescriptor, DateTime[]>? observe, CancellationToken cancellationToken, Action<MetricSeriesDescriptor> standardResolution, PendingMetricPage? first) =>
            reader.ReadPagesAsync(call, accept, observe, cancellationToken, standardResolution, first);

        /// <summary>One series' points as they arrive: the first chunk's arrays are kept as they are, later ones are
        /// appended into arrays that double as needed.</summary>
        private sealed class SeriesBuffer
        {
            private DateTime[] _timestamps = Array.Empty<DateTime>();
            private double[] _values = Array.Empty<double>();
            private int _count;
            private bool _owned;

            public void Append(MetricSeriesChunk chunk)
            {
                if (_count == 0)
                {
                    _timestamps = chunk.Timestamps;
                    _values = chunk.Values;
                    _count = chunk.Count;
                    _owned = false;
                    return;
                }
                var needed = _count + chunk.Count;
                if (!_owned || needed > _values.Length)
                {
                    var capacity = Math.Max(needed, _owned ? _values.Length * 2 : needed * 2);
                    Array.Resize(ref _timestamps, capacity);
                    Array.Resize(ref _values, capacity);
                    _owned = true;
                }
                Array.Copy(chunk.Timestamps, 0, _timestamps, _count, chunk.Count);
                Array.Copy(chunk.Values, 0, _values, _count, chunk.Count);
                _count = needed;
            }

            public MetricSeries ToSeries(MetricSeriesDescriptor series)
            {
                if (_timestamps.Length != _count)
                {
                    Array.Resize(ref _timestamps, _count);
                    Array.Resize(ref _values, _count);
                }
                return new MetricSeries(series, _timestamps, _values);
            }
        }

        /// <summary>Resolves the range, the metrics, the statistics and the period of a query (shared with the watcher).</summary>
        internal async Task<PreparedQuery?> PrepareAsync(MetricQuery query, bool forWatch, CancellationToken cancellationToken)
        {
            var selection = query.Selection;
            var resources = _sageMaker is null ? null : new SageMakerResourceResolver(_sageMaker);
            var resolver = new MetricSeriesResolver(_cloudWatch, resources);
            var now = UtcTime.ToUtc(_clock());

            // A job's own span is the default range; a job SageMaker does not know gets the default look-back here and
            // its not-found error from the series resolution below (which also asks CloudWatch).
            ResourceTimeSpan? span = null;
            if (!forWatch && TimeRangeResolver.NeedsResourceTimes(query.StartTime, query.EndTime, query.Since) && selection.IsJob && resources != null)
            {
                var job = await resources.TryDescribeAsync(MetricSeriesResolver.ResourceOf(selection), cancellationToken).ConfigureAwait(false);
                span = job?.TimeSpan;
                if (span != null) _reporter.Verbose($"{selection}: using the job's own time range ({job!.Status}).");
            }
            var resolved = TimeRangeResolver.Resolve(new TimeRangeRequest
            {
                Service = TimeRangeService.Metrics,
                StartTime = query.StartTime,
                EndTime = query.EndTime,
                Since = query.Since,
                ResourceSpan = span,
            }, now);
            foreach (var clip in resolved.Clips) _reporter.Warning(clip);
            var range = resolved.ToRange(now);

            int period;
            if (query.Period is int explicitPeriod)
            {
                RetentionLadder.ValidatePeriod(explicitPeriod, range.Start, now);
                period = explicitPeriod;
            }
            else
            {
                // Endpoints and inference components publish every minute unless MetricsConfig asks for 10 or 30 s;
                // job utilization and custom metrics may be high resolution, which the first read finds out.
                var guess = selection.ResourceType == SageMakerResourceType.Endpoint || selection.ResourceType == SageMakerResourceType.InferenceComponent ? 60 : 1;
                period = RetentionLadder.FinestPeriod(range.Start, now, guess);
            }

            var resolution = await resolver.ResolveAsync(selection, query.MetricNames, cancellationToken).ConfigureAwait(false);
            if (resolution.Metrics.Count == 0)
            {
                var names = query.MetricNames is { Count: > 0 } ? $" named {string.Join(", ", query.MetricNames)}" : "";
                _reporter.Warning($"No metrics{names} found for {selection}. Searched {resolution.Searched}."
                    + (resolution.Similar.Count > 0 ? $" Similar names that exist: {string.Join(", ", resolution.Similar)}." : " Nothing similar exists there either."));
                return null;
            }
            if (resolution.MissingMetricNames.Count > 0)
            {
                _reporter.Warning($"{selection} has no metric named {string.Join(", ", resolution.MissingMetricNames)} in {resolution.Searched}."
                    + (resolution.Similar.Count > 0 ? $" Similar names that exist: {string.Join(", ", resolution.Similar)}." : ""));
            }

            var statistics = query.Statistics?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(MetricStatistic.Normalize).Distinct(StringComparer.Ordinal).ToList();
            var descriptors = new List<MetricSeriesDescriptor>();
            var warned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var metric in resolution.Metrics)
            {
                if (query.Scope != null) metric.Scope ??= query.Scope;
                if (statistics is null || statistics.Count == 0)
                {
                    descriptors.Add(new MetricSeriesDescriptor(metric, metric.Definition?.DefaultStatistic ?? "Average", period));
                    continue;
                }
                foreach (var statistic in statistics)
                {
                    if (metric.Definition != null && !metric.Definition.Supports(statistic) && warned.Add(metric.MetricName + " " + statistic))
                    {
                        _reporter.Warning($"{statistic} is not a documented statistic of {metric.MetricName} (documented: {string.Join(", ", metric.Statistics)}); reading it anyway.");
                    }
                    descriptors.Add(new MetricSeriesDescriptor(metric, statistic, period));
                }
            }

            _reporter.Verbose($"{selection}: {descriptors.Count} series ({resolution.Metrics.Count} metrics), {range}, period {RetentionLadder.Describe(period)}{(query.Period is null ? " (Auto)" : "")}.");
            return new PreparedQuery(range, period, descriptors, resolution);
        }

        /// <summary>The reading every Get shares; <paramref name="read"/> decides the shape a page's points take
        /// (datapoint objects, or arrays for -AsSeries) and <paramref name="count"/> counts them.</summary>
        private async IAsyncEnumerable<T> GetCoreAsync<T>(MetricQuery query, Action<MetricSeriesDescriptor>? seriesCompleted,
            Func<MetricDataReader, MetricDataCall, Func<MetricSeriesDescriptor, DateTime, bool>, Action<MetricSeriesDescriptor, DateTime[]>?, CancellationToken,
                Action<MetricSeriesDescriptor>, PendingMetricPage?, IAsyncEnumerable<T>> read,
            Func<T, int> count, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            GetMetricDataRequests = 0;
            LowerBound = 0;
            var prepared = await PrepareAsync(query, forWatch: false, cancellationToken).ConfigureAwait(false);
            if (prepared is null) yield break;

            var reader = new MetricDataReader(_cloudWatch, _reporter, _options);
            var gate = new AscendingDatapointGate();
            var detector = new StorageResolutionDetector();
            var range = prepared.Range;
            var series = prepared.Series;
            long written = 0;

            var plan = MetricQueryPlanner.Plan(series, range.Start, range.End);
            LowerBound = plan.LowerBound;
            IReadOnlyList<MetricDataCall> calls = plan.Calls;
            var probing = prepared.Period < 60 && plan.Calls.Count > 0;
            // The next call is asked for while this one is read, so the service's time overlaps the pipeline's.
            PendingMetricPage? next = null;
            try
            {
                if (probing)
                {
                    // Sub-minute periods: read the first window of every series, learn which series are standard
                    // resolution (a point a minute), and plan the rest of the range with that density. The rest is planned
                    // and its first call asked for as soon as the last probe call's pages have all been looked at, while
                    // the pipeline still works through their points.
                    var first = plan.Calls[0];
                    var probe = plan.Calls.TakeWhile(c => c.Start == first.Start && c.End == first.End).ToList();
                    var probeEnd = first.End;
                    var restPlanned = probeEnd < range.End;
                    IReadOnlyList<MetricDataCall>? rest = null;
                    for (var p = 0; p < probe.Count; p++)
                    {
                        await foreach (var points in read(reader, probe[p], gate.Accept, detector.Observe, cancellationToken, s => detector.MarkStandard(s, series), null).ConfigureAwait(false))
                        {
                            if (rest is null && restPlanned && p == probe.Count - 1 && reader.CallObserved) rest = StartRest(first, probeEnd, probe.Count);
                            written += count(points);
                            yield return points;
                        }
                    }
                    if (!restPlanned)
                    {
                        GetMetricDataRequests = reader.RequestsSent;
                        foreach (var s in series) seriesCompleted?.Invoke(s);
                        if (written == 0) WarnEmpty(prepared, query);
                        yield break;
                    }
                    calls = rest ?? StartRest(first, probeEnd, probe.Count);
                }
                else
                {
                    _reporter.Verbose($"Planned {calls.Count} GetMetricData calls (lower bound {plan.LowerBound}).");
                    next = calls.Count > 0 ? reader.Start(calls[0], cancellationToken) : null;
                }

                var lastCall = new Dictionary<MetricSeriesDescriptor, int>();
                for (var i = 0; i < calls.Count; i++)
                {
                    foreach (var s in calls[i].Series) lastCall[s] = i;
                }
                if (seriesCompleted != null)
                {
                    foreach (var s in series)
                    {
                        if (!lastCall.ContainsKey(s)) seriesCompleted(s);
                    }
                }

                for (var i = 0; i < calls.Count; i++)
                {
                    var call = calls[i];
                    var ahead = next;
                    next = i + 1 < calls.Count ? reader.Start(calls[i + 1], cancellationToken) : null;
                    _reporter.Progress(new ProgressInfo("Reading CloudWatch metrics", $"Call {i + 1} of {calls.Count}: {call.Series.Count} series, {call.Start:yyyy-MM-dd HH:mm:ss}Z to {call.End:yyyy-MM-dd HH:mm:ss}Z",
                        i * 100 / calls.Count));
                    await foreach (var points in read(reader, call, gate.Accept, probing ? detector.Observe : null, cancellationToken, s => detector.MarkStandard(s, series), ahead).ConfigureAwait(false))
                    {
                        written += count(points);
                        yield return points;
                    }
                    if (seriesCompleted != null)
                    {
                        foreach (var s in call.Series)
                        {
                            if (lastCall[s] == i) seriesCompleted(s);
                        }
                    }
                    GetMetricDataRequests = reader.RequestsSent;
                }
            }
            finally
            {
                next?.Abandon();
            }

            // Plans the range after the probe with the densities learned and asks for its first call.
            IReadOnlyList<MetricDataCall> StartRest(MetricDataCall first, DateTime probeEnd, int probeCalls)
            {
                var unknownDensity = (probeEnd - first.Start) >= TimeSpan.FromMinutes(2) ? 60 : 1;
                var planned = MetricQueryPlanner.Plan(series, probeEnd, range.End, s => detector.DensityOf(s, unknownDensity));
                _reporter.Verbose($"Planned {probeCalls + planned.Calls.Count} GetMetricData calls.");
                next = planned.Calls.Count > 0 ? reader.Start(planned.Calls[0], cancellationToken) : null;
                return planned.Calls;
            }
            _reporter.Progress(new ProgressInfo("Reading CloudWatch metrics", "Done", 100, Completed: true));
            GetMetricDataRequests = reader.RequestsSent;
            if (written == 0) WarnEmpty(prepared, query);
        }

        private void WarnEmpty(PreparedQuery prepared, MetricQuery query)
        {
            var names = string.Join(", ", prepared.Resolution.Metrics.Select(m => m.MetricName).Distinct().Take(10));
            _reporter.Warning($"No datapoints for {query.Selection} between {prepared.Range.Start:yyyy-MM-ddTHH:mm:ssZ} and {prepared.Range.End:yyyy-MM-ddTHH:mm:ssZ} "
                + $"at {RetentionLadder.Describe(prepared.Period)}. Searched {prepared.Resolution.Searched}; metrics that exist there: {names}.");
        }

        /// <summary>A query with its range, period and series decided.</summary>
        internal sealed class PreparedQuery
        {
            public PreparedQuery(TimeRange range, int period, IReadOnlyList<MetricSeriesDescriptor> series, MetricResolution resolution)
            {
                Range = range;
                Period = period;
                Series = series;
                Resolution = resolution;
            }

            public TimeRange Range { get; }
            public int Period { get; }
            public IReadOnlyList<MetricSeriesDescriptor> Series { get; }
            public MetricResolution Resolution { get; }
        }
    }
}
