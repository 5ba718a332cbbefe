using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace SageMakerMonitoring.Core.Aws.Sts
{
    /// <summary>
    /// GetCallerIdentity through the SDK's own STS client (regional endpoint, or AWS_ENDPOINT_URL_STS / the endpoint URL
    /// every service uses). Answers are kept per access key and endpoint for the life of the process, so a session asks
    /// once per set of credentials however many cmdlets, regions and resources it reads. The lookup is bounded (one
    /// retry, <see cref="AttemptTimeout"/> per attempt), since it only fills in output objects' Account: where STS cannot
    /// be reached (a private network with endpoints for the monitored services only) the account stays empty, and a
    /// failed answer is kept for <see cref="FailureKept"/> so the cmdlets that follow do not each wait for it again.
    /// </summary>
    internal sealed class CallerIdentityClient : ICallerIdentityClient
    {
        internal static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);
        internal static readonly TimeSpan FailureKept = TimeSpan.FromMinutes(5);

        private static readonly ConcurrentDictionary<string, DateTime> Failures = new ConcurrentDictionary<string, DateTime>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Answers = new ConcurrentDictionary<string, Lazy<Task<string?>>>(StringComparer.Ordinal);

        private readonly AWSCredentials? _credentials;
        private readonly RegionEndpoint _region;
        private readonly string? _endpointUrl;
        private readonly Action<AwsCallRecord>? _callLogger;

        public CallerIdentityClient(AWSCredentials? credentials, RegionEndpoint region, string? endpointUrl, Action<AwsCallRecord>? callLogger)
        {
            _credentials = credentials;
            _region = region;
            _endpointUrl = endpointUrl;
            _callLogger = callLogger;
        }

        public async Task<string?> GetAccountAsync(CancellationToken cancellationToken)
        {
            string key;
            try
            {
                key = (_credentials?.GetCredentials().AccessKey ?? "(default chain)") + "|" + (_endpointUrl ?? _region.SystemName);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return null; // credentials that cannot be read fail the real calls with their own error
            }
            var answer = Answers.GetOrAdd(key, _ => new Lazy<Task<string?>>(AskAsync));
            var task = answer.Value;
            if (!task.IsCompleted)
            {
                // The shared call goes on for others; this caller stops waiting at Ctrl+C.
                await Task.WhenAny(task, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            var account = await task.ConfigureAwait(false);
            if (account is null)
            {
                // A failed answer is kept a while, then asked again.
                var failedAt = Failures.GetOrAdd(key, DateTime.UtcNow);
                if (DateTime.UtcNow - failedAt >= FailureKept && Failures.TryRemove(key, out _)) Answers.TryRemove(key, out _);
            }
            cancellationToken.ThrowIfCancellationRequested();
            return account;
        }

        private async Task<string?> AskAsync()
        {
            var config = new AmazonSecurityTokenServiceConfig { MaxErrorRetry = 1, Timeout = AttemptTimeout };
            if (_endpointUrl != null) config.ServiceURL = _endpointUrl;
            else config.RegionEndpoint = _region;
            config.AuthenticationRegion = _region.SystemName;
            var started = DateTime.UtcNow;
            try
            {
                using var client = _credentials != null ? new AmazonSecurityTokenServiceClient(_credentials, config) : new AmazonSecurityTokenServiceClient(config);
                var response = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), CancellationToken.None).ConfigureAwait(false);
                Log(200, null, response.ResponseMetadata?.RequestId, started);
                return string.IsNullOrEmpty(response.Account) ? null : response.Account;
            }
            catch (AmazonServiceException ex)
            {
                Log((int)ex.StatusCode, ex.ErrorCode, ex.RequestId, started);
                return null;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                Log(0, ex.GetType().Name, null, started);
                return null;
            }
        }

        private void Log(int status, string? errorCode, string? requestId, DateTime started)
        {
            if (_callLogger is null) return;
            try
            {
                _callLogger(new AwsCallRecord("STS", "GetCallerIdentity", _region.SystemName, status, DateTime.UtcNow - started, 0, errorCode, requestId));
            }
            catch (InvalidOperationException)
            {
                // The cmdlet's output already completed.
            }
        }
    }
}
