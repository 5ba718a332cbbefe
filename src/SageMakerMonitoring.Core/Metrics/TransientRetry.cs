using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>Retries a call on throttling, 5xx, timeouts and dropped connections with capped, jittered exponential backoff.</summary>
    public sealed class TransientRetry
    {
        private readonly MetricReadOptions _options;
        private readonly IOperationReporter _reporter;
        private readonly Random _jitter = new Random(17);

        public TransientRetry(MetricReadOptions options, IOperationReporter reporter)
        {
            _options = options;
            _reporter = reporter;
        }

        public async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    return await call().ConfigureAwait(false);
                }
                catch (Exception ex) when (attempt < _options.MaxAttempts && IsTransient(ex, cancellationToken))
                {
                    _reporter.Verbose($"{what}: {Describe(ex)}; retrying (attempt {attempt + 1} of {_options.MaxAttempts}).");
                    await _options.Delay(Backoff(attempt - 1), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Throttling, 5xx, timeouts and dropped connections are worth another try; client errors are not.</summary>
        public static bool IsTransient(Exception ex, CancellationToken cancellationToken)
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

        public TimeSpan Backoff(int retry)
        {
            var cap = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 16)));
            double factor;
            lock (_jitter) factor = 0.5 + _jitter.NextDouble() / 2;
            return TimeSpan.FromMilliseconds(cap * factor);
        }

        private static string Describe(Exception ex) => ex is AwsServiceException a ? $"{a.ErrorCode} (HTTP {a.StatusCode})" : ex.GetType().Name + ": " + ex.Message;
    }
}
