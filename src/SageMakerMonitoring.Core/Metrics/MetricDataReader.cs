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
    /// Id on several pages is one series), retries throttling/5xx pages, re-reads series whose result said
    /// InternalError, and passes every point through a gate so none is written twice. Each series comes out ascending.
    /// Holds at most one page in memory.
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
        public async IAsyncEnumerable<MetricDatapoint> ReadAsync(MetricDataCall call, Func<MetricSeriesDescriptor, DateTime, bool> accept,
            Action<MetricSeriesDescriptor, DateTime[]>? observe = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            IReadOnlyList<int>? only = null;
            for (var round = 0; ; round++)
            {
                var failed = new HashSet<int>();
                var request = call.ToRequest(only: only);
                var restarts = 0;
                while (true)
                {
                    var page = await GetPageAsync(request, call, cancellationToken).ConfigureAwait(false);
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
            for (var attempt = 1; ; attempt++)
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
                catch (Exception ex) when (attempt < _options.MaxAttempts && IsTransient(ex, cancellationToken))
                {
                    _reporter.Verbose($"GetMetricData {call}: {Describe(ex)}; retrying (attempt {attempt + 1} of {_options.MaxAttempts}).");
                    await _options.Delay(Backoff(attempt - 1), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Throttling, 5xx, timeouts and dropped connections are worth another try; client errors are not.</summary>
        internal static bool IsTransient(Exception ex, CancellationToken cancellationToken)
        {
            switch (ex)
            {
                case AwsServiceException a:
                    var code = a.ErrorCode ?? "";
                    return a.StatusCode == 0 || a.StatusCode >= 500 || a.StatusCode == 429
                        || code.IndexOf("Throttl", StringComparison.OrdinalIgnoreCase) >= 0
                        || code == "RequestTimeout" || code == "RequestTimeoutException" || code == "InternalFailure"
                        || code == "ServiceUnavailable" || code == "InternalServiceError" || code == "InternalServiceFault";
                case OperationCanceledException:
                    return !cancellationToken.IsCancellationRequested; // an HTTP timeout, not Ctrl+C
                case HttpRequestException:
                case IOException:
                    return true;
                default:
                    return false;
            }
        }

        private static string Describe(Exception ex) => ex is AwsServiceException a ? $"{a.ErrorCode} (HTTP {a.StatusCode})" : ex.GetType().Name + ": " + ex.Message;

        private TimeSpan Backoff(int retry)
        {
            var cap = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 16)));
            double factor;
            lock (_jitter) factor = 0.5 + _jitter.NextDouble() / 2;
            return TimeSpan.FromMilliseconds(cap * factor);
        }
    }
}
