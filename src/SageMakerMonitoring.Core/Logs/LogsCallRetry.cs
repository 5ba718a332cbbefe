using System;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Retries one CloudWatch Logs call on throttling, 5xx and lost connections with capped, jittered exponential
    /// back-off, on top of whatever the SDK already retried. Every call in Logs/ is idempotent (reads, or a query
    /// start that failed), so repeating it with the same token gives the same page.
    /// </summary>
    public sealed class LogsCallRetry
    {
        public static readonly LogsCallRetry Default = new LogsCallRetry();

        [ThreadStatic] private static Random? _random;

        public int MaxAttempts { get; init; } = 10;
        public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);
        public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

        public static bool IsTransient(Exception ex)
        {
            if (ex is AwsServiceException a)
            {
                switch (a.ErrorCode)
                {
                    case "ThrottlingException":
                    case "Throttling":
                    case "ThrottledException":
                    case "RequestThrottled":
                    case "TooManyRequestsException":
                    case "ServiceUnavailableException":
                    case "ServiceUnavailable":
                    case "InternalFailure":
                    case "InternalServerException":
                    case "InternalServiceError":
                    case "RequestTimeout":
                    case "RequestTimeoutException":
                    case "OperationAbortedException":
                        return true;
                }
                return a.StatusCode >= 500 || a.StatusCode == 0 || a.StatusCode == 429;
            }
            return ex is System.Net.Http.HttpRequestException || ex is System.IO.IOException;
        }

        public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, string operation, IOperationReporter reporter, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    return await call(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested && (IsTransient(ex) || IsTimeoutNotOurs(ex, cancellationToken)))
                {
                    var delay = DelayFor(attempt);
                    reporter.Verbose($"{operation}: {Describe(ex)}; retrying in {delay.TotalMilliseconds:0} ms (attempt {attempt + 1} of {MaxAttempts}).");
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        internal TimeSpan DelayFor(int attempt)
        {
            var random = _random ??= new Random(Environment.CurrentManagedThreadId * 7919 + Environment.TickCount);
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
            return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
        }

        private static bool IsTimeoutNotOurs(Exception ex, CancellationToken token) => ex is OperationCanceledException && !token.IsCancellationRequested;

        private static string Describe(Exception ex) => ex is AwsServiceException a ? $"{a.ErrorCode} (HTTP {a.StatusCode})" : ex.GetType().Name;
    }
}
