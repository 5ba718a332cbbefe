using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// Executes planned GetMetricData calls and yields datapoints as pages arrive: pages through NextToken (the same
    /// Id on several pages is one series), re-reads series whose result said InternalError, and passes every point
    /// through a gate so none is written twice. Each series comes out ascending. Holds at most one page in memory.
    /// Throttling, 5xx and dropped connections are retried by the SDK's pipeline under each page request; only what a
    /// successful answer says (a result's InternalError, a refused token, a refused sub-minute period) is handled here.
    /// </summary>
    public sealed class MetricDataReader
    {
        private readonly ICloudWatchClient _client;
        private readonly IOperationReporter _reporter;
        private readonly MetricReadOptions _options;
        private readonly Random _jitter = new Random(17);

        public MetricDataReader(ICloudWatchClient client, IOperationReporter reporter, MetricReadOptions? options = null)
        {
            _client = client;
            _reporter = reporter;
            _options = options ?? MetricReadOptions.Default;
        }

        private int _requestsSent;

        /// <summary>GetMetricData requests sent (pages, retries included).</summary>
        public int RequestsSent => Volatile.Read(ref _requestsSent);

        /// <summary>Whether the call being read has had its last page arrive with nothing left to read again: every
        /// result it will have has been given to the observer, even if its points are still being handed on.</summary>
        internal bool CallObserved { get; private set; }

        /// <summary>
        /// Reads one call. <paramref name="accept"/> decides per point whether it is new (and records it);
        /// <paramref name="observe"/>, when given, sees each result's timestamps before its points are yielded.
        /// </summary>
        /// <param name="standardResolution">Called when CloudWatch refuses a sub-minute period because the series is stored
        /// at standard resolution; it must raise the series' query period (the call is then read again).</param>
        public async IAsyncEnumerable<MetricDatapoint> ReadAsync(MetricDataCall call, Func<MetricSeriesDescriptor, DateTime, bool> accept,
            Action<MetricSeriesDescriptor, DateTime[]>? observe = null, [EnumeratorCancellation] CancellationToken cancellationToken = default,
            Action<MetricSeriesDescriptor>? standardResolution = null)
        {
            await foreach (var points in ReadPagesAsync(call, accept, observe, cancellationToken, standardResolution).ConfigureAwait(false))
            {
                for (var i = 0; i < points.Length; i++) yield return points[i];
            }
        }

        /// <summary>Asks for the first page of <paramref name="call"/> now, to be read later by passing the result to
        /// <see cref="ReadPagesAsync"/>: lets the next call travel while the caller works through this one.</summary>
        public PendingMetricPage Start(MetricDataCall call, CancellationToken cancellationToken)
        {
            var request = call.ToRequest();
            return new PendingMetricPage(request, GetPageAsync(request, cancellationToken));
        }

        /// <summary>
        /// The same points as <see cref="ReadAsync"/>, in the same order, as one array per series per page (only the
        /// points <paramref name="accept"/> lets through). The next page is asked for before this one's points are
        /// handed on. <paramref name="first"/>, from <see cref="Start"/>, is the call's first page already on its way.
        /// </summary>
        public IAsyncEnumerable<MetricDatapoint[]> ReadPagesAsync(MetricDataCall call, Func<MetricSeriesDescriptor, DateTime, bool> accept,
            Action<MetricSeriesDescriptor, DateTime[]>? observe = null, CancellationToken cancellationToken = default,
            Action<MetricSeriesDescriptor>? standardResolution = null, PendingMetricPage? first = null) =>
            ReadCoreAsync(call, accept, observe, cancellationToken, standardResolution, first, Accepted);

        /// <summary>The same points as <see cref="ReadPagesAsync"/>, as arrays of timestamps and values per series per
        /// page: no object per point (-AsSeries).</summary>
        internal IAsyncEnumerable<MetricSeriesChunk> ReadChunksAsync(MetricDataCall call, Func<MetricSeriesDescriptor, DateTime, bool> accept,
            Action<MetricSeriesDescriptor, DateTime[]>? observe = null, CancellationToken cancellationToken = default,
            Action<MetricSeriesDescriptor>? standardResolution = null, PendingMetricPage? first = null) =>
            ReadCoreAsync(call, accept, observe, cancellationToken, standardResolution, first, AcceptedChunk);

        private async IAsyncEnumerable<T> ReadCoreAsync<T>(MetricDataCall call, Func<MetricSeriesDescriptor, DateTime, bool> accept,
            Action<MetricSeriesDescriptor, DateTime[]>? observe, [EnumeratorCancellation] CancellationToken cancellationToken,
            Action<MetricSeriesDescriptor>? standardResolution, PendingMetricPage? first,
            Func<MetricSeriesDescriptor, MetricDataResult, Func<MetricSeriesDescriptor, DateTime, bool>, T?> convert)
            where T : class
        {
            IReadOnlyList<int>? only = null;
            var periodFixes = 0;
            var pending = first;
            CallObserved = false;
            try
            {
                for (var round = 0; ; round++)
                {
                    var failed = new HashSet<int>();
                    var request = call.ToRequest(only: only);
                    var restarts = 0;
                    while (true)
                    {
                        MetricDataPage? page;
                        try
                        {
                            if (pending is PendingMetricPage ahead)
                            {
                                pending = null;
                                request = ahead.Request;
                                page = await ahead.Page.ConfigureAwait(false);
                            }
                            else
                            {
                                page = await GetPageAsync(request, cancellationToken).ConfigureAwait(false);
                            }
                        }
                        catch (AwsServiceException ex) when (standardResolution != null && periodFixes < call.Series.Count
                            && StandardResolutionMember(ex, request) is int member && call.Series[member].QueryPeriod < 60)
                        {
                            var series = call.Series[member];
                            _reporter.Verbose($"{series.Metric} is stored at standard resolution; reading it at 1 minute.");
                            standardResolution(series);
                            periodFixes++;
                            failed.Clear();
                            request = call.ToRequest(only: only);
                            continue;
                        }
                        if (page is null)
                        {
                            // The token was rejected: start the call over; the gate drops what was already written.
                            if (++restarts > 2) throw new MonitoringException("MetricPagingFailed", ErrorKind.ReadError, "CloudWatch rejected its own NextToken repeatedly.", call.ToString());
                            failed.Clear();
                            request.NextToken = null;
                            continue;
                        }

                        if (!string.IsNullOrEmpty(page.NextToken))
                        {
                            var next = request.WithNextToken(page.NextToken);
                            pending = new PendingMetricPage(next, GetPageAsync(next, cancellationToken));
                        }

                        foreach (var message in page.Messages) _reporter.Verbose("GetMetricData: " + message);
                        // Every usable result is looked at (and observed) as soon as the page arrives, before any of its
                        // points are handed on: a caller learning from the timestamps can act while the pipeline works
                        // through the page.
                        var usable = new List<(MetricSeriesDescriptor Series, MetricDataResult Result)>(page.Results.Count);
                        foreach (var result in page.Results)
                        {
                            var index = MetricDataCall.IndexOf(result.Id);
                            if (index < 0 || index >= call.Series.Count || failed.Contains(index)) continue;
                            var series = call.Series[index];
                            if (result.StatusCode == "InternalError")
                            {
                                failed.Add(index);
                                continue;
                            }
                            if (result.StatusCode == "Forbidden")
                            {
                                _reporter.Warning($"CloudWatch refused to read {series.Metric} ({string.Join("; ", result.Messages)}).");
                                continue;
                            }
                            if (observe != null && result.Timestamps.Length > 0 && result.Values.Length > 0) observe(series, result.Timestamps);
                            usable.Add((series, result));
                        }
                        if (pending is null && failed.Count == 0) CallObserved = true;
                        foreach (var (series, result) in usable)
                        {
                            var points = convert(series, result, accept);
                            if (points != null) yield return points;
                        }

                        if (pending is null) break;
                    }

                    if (failed.Count == 0) yield break;
                    if (round >= _options.InternalErrorRounds)
                    {
                        foreach (var i in failed) _reporter.Warning($"CloudWatch kept answering InternalError for {call.Series[i].Metric}; its datapoints from {call.Start:yyyy-MM-ddTHH:mm:ssZ} to {call.End:yyyy-MM-ddTHH:mm:ssZ} may be incomplete.");
                        yield break;
                    }
                    _reporter.Verbose($"GetMetricData: {failed.Count} series answered InternalError; reading them again.");
                    await _options.Delay(Backoff(round), cancellationToken).ConfigureAwait(false);
                    only = new List<int>(failed);
                }
            }
            finally
            {
                // Stopped early: nobody reads the page on its way; observe its outcome so a failure is not left unobserved.
                pending?.Abandon();
            }
        }

        /// <summary>The accepted points of a result as datapoint objects, ascending; null when none is accepted.</summary>
        private static MetricDatapoint[]? Accepted(MetricSeriesDescriptor series, MetricDataResult result,
            Func<MetricSeriesDescriptor, DateTime, bool> accept)
        {
            var timestamps = result.Timestamps;
            var values = result.Values;
            var count = Math.Min(timestamps.Length, values.Length);
            if (count == 0) return null;
            var descending = count > 1 && timestamps[0] > timestamps[count - 1];
            var points = new MetricDatapoint[count];
            var n = 0;
            for (var k = 0; k < count; k++)
            {
                var i = descending ? count - 1 - k : k;
                var ts = timestamps[i];
                if (accept(series, ts)) points[n++] = new MetricDatapoint(series, ts, values[i]);
            }
            if (n == 0) return null;
            if (n < count) Array.Resize(ref points, n);
            return points;
        }

        /// <summary>The accepted points of a result as ascending arrays (the result's own when nothing is dropped or
        /// reordered); null when none is accepted. The gate sees the points in the same order as in <see cref="Accepted"/>.</summary>
        private static MetricSeriesChunk? AcceptedChunk(MetricSeriesDescriptor series, MetricDataResult result,
            Func<MetricSeriesDescriptor, DateTime, bool> accept)
        {
            var timestamps = result.Timestamps;
            var values = result.Values;
            var count = Math.Min(timestamps.Length, values.Length);
            if (count == 0) return null;
            var descending = count > 1 && timestamps[0] > timestamps[count - 1];
            if (!descending && timestamps.Length == count && values.Length == count)
            {
                for (var i = 0; i < count; i++)
                {
                    if (!accept(series, timestamps[i]))
                    {
                        // A filtered copy from here on; the points before i were accepted.
                        var t = new DateTime[count];
                        var v = new double[count];
                        Array.Copy(timestamps, t, i);
                        Array.Copy(values, v, i);
                        var m = i;
                        for (var j = i + 1; j < count; j++)
                        {
                            if (!accept(series, timestamps[j])) continue;
                            t[m] = timestamps[j];
                            v[m++] = values[j];
                        }
                        if (m == 0) return null;
                        Array.Resize(ref t, m);
                        Array.Resize(ref v, m);
                        return new MetricSeriesChunk(series, t, v);
                    }
                }
                return new MetricSeriesChunk(series, timestamps, values);
            }
            var ts = new DateTime[count];
            var vs = new double[count];
            var n = 0;
            for (var k = 0; k < count; k++)
            {
                var i = descending ? count - 1 - k : k;
                if (!accept(series, timestamps[i])) continue;
                ts[n] = timestamps[i];
                vs[n++] = values[i];
            }
            if (n == 0) return null;
            if (n < count)
            {
                Array.Resize(ref ts, n);
                Array.Resize(ref vs, n);
            }
            return new MetricSeriesChunk(series, ts, vs);
        }

        private async Task<MetricDataPage?> GetPageAsync(MetricDataRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Interlocked.Increment(ref _requestsSent);
                return await _client.GetMetricDataAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.IsInvalidNextToken && request.NextToken != null)
            {
                return null;
            }
        }

        internal static int? StandardResolutionMember(AwsServiceException ex, MetricDataRequest request)
        {
            var n = ex.RefusedResolutionMember;
            if (n is null || n > request.Queries.Count) return null;
            var index = MetricDataCall.IndexOf(request.Queries[n.Value - 1].Id);
            return index >= 0 ? index : (int?)null;
        }

        /// <summary>Wait before re-reading InternalError series: capped exponential, jittered to 50–100%.</summary>
        private TimeSpan Backoff(int round)
        {
            var cap = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(round, 16)));
            double factor;
            lock (_jitter) factor = 0.5 + _jitter.NextDouble() / 2;
            return TimeSpan.FromMilliseconds(cap * factor);
        }
    }

    /// <summary>A GetMetricData page asked for ahead of time, with the request it answers.</summary>
    public sealed class PendingMetricPage
    {
        internal PendingMetricPage(MetricDataRequest request, Task<MetricDataPage?> page)
        {
            Request = request;
            Page = page;
        }

        internal MetricDataRequest Request { get; }
        internal Task<MetricDataPage?> Page { get; }

        /// <summary>Nobody will read this page: observes its outcome so a failure is not left unobserved.</summary>
        public void Abandon() => Page.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
