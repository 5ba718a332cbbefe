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

        /// <summary>GetMetricData requests sent (pages, retries included).</summary>
        public int RequestsSent { get; private set; }

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
            IReadOnlyList<int>? only = null;
            var periodFixes = 0;
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
                        page = await GetPageAsync(request, call, cancellationToken).ConfigureAwait(false);
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

                    foreach (var message in page.Messages) _reporter.Verbose("GetMetricData: " + message);
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

                        var timestamps = result.Timestamps;
                        var values = result.Values;
                        var count = Math.Min(timestamps.Length, values.Length);
                        if (count == 0) continue;
                        observe?.Invoke(series, timestamps);
                        var descending = count > 1 && timestamps[0] > timestamps[count - 1];
                        for (var k = 0; k < count; k++)
                        {
                            var i = descending ? count - 1 - k : k;
                            var ts = timestamps[i];
                            if (accept(series, ts)) yield return new MetricDatapoint(series, ts, values[i]);
                        }
                    }

                    if (string.IsNullOrEmpty(page.NextToken)) break;
                    request.NextToken = page.NextToken;
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

        private async Task<MetricDataPage?> GetPageAsync(MetricDataRequest request, MetricDataCall call, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                RequestsSent++;
                return await _client.GetMetricDataAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == "InvalidNextToken" && request.NextToken != null)
            {
                return null;
            }
        }

        /// <summary>
        /// The index (in the call) of the query CloudWatch refused because its sub-minute period needs high-resolution
        /// data, from "... MetricDataQueries.member.N.MetricStat.Period must be a multiple of 60 ... standard resolution".
        /// </summary>
        internal static int? StandardResolutionMember(AwsServiceException ex, MetricDataRequest request)
        {
            var code = ex.ErrorCode ?? "";
            if (code.IndexOf("InvalidParameterValue", StringComparison.Ordinal) < 0 && code.IndexOf("Validation", StringComparison.Ordinal) < 0) return null;
            var message = ex.Message ?? "";
            if (message.IndexOf("standard resolution", StringComparison.OrdinalIgnoreCase) < 0 && message.IndexOf("high-resolution", StringComparison.OrdinalIgnoreCase) < 0) return null;
            const string marker = "MetricDataQueries.member.";
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) return null;
            var i = at + marker.Length;
            var n = 0;
            while (i < message.Length && char.IsDigit(message[i])) n = n * 10 + (message[i++] - '0');
            if (n < 1 || n > request.Queries.Count) return null;
            var index = MetricDataCall.IndexOf(request.Queries[n - 1].Id);
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
}
