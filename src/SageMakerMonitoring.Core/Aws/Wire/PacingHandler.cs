using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using SageMakerMonitoring.Core.Aws.Pacing;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// Sits inside the SDK's retry handler, so every HTTP attempt (retries included) takes a token of its operation's
    /// bucket in <see cref="RequestPacer"/> first, and GetMetricData also reserves the most data points its answer can
    /// carry (waiting while that puts the data-points bucket in debt); a failed attempt gives its reservation back, and
    /// the client settles the rest once the answer's points are counted (<see cref="SettleDataPoints"/>). So parallel
    /// calls in flight count against the quota before their answers arrive. A throttling answer slows the bucket before
    /// the retry handler retries.
    /// </summary>
    internal sealed class PacingHandler : PipelineHandler
    {
        private readonly string _signingName;
        private readonly string _region;
        private readonly ServiceQuotas _quotas;
        private readonly RequestPacer _pacer;
        private string? _account;
        /// <summary>Each operation's bucket, looked up once per handler (the account is fixed per client).</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, QuotaBucket?> _requestBuckets =
            new System.Collections.Concurrent.ConcurrentDictionary<string, QuotaBucket?>(StringComparer.Ordinal);
        private QuotaBucket? _dataPoints;

        public PacingHandler(string signingName, string region, ServiceQuotas quotas, RequestPacer pacer)
        {
            _signingName = signingName;
            _region = region;
            _quotas = quotas;
            _pacer = pacer;
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            BeforeAsync(executionContext).GetAwaiter().GetResult();
            try { base.InvokeSync(executionContext); }
            catch (Exception e) { AfterFailure(executionContext, e); throw; }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            await BeforeAsync(executionContext).ConfigureAwait(false);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                AfterFailure(executionContext, e);
                throw;
            }
        }

        /// <summary>The GetMetricData data-points bucket of this client's account and Region (null when not paced).</summary>
        private QuotaBucket? DataPoints(IExecutionContext context) =>
            _signingName != "monitoring" ? null : _dataPoints ??= _pacer.DataPointBucket(_quotas, Account(context), _region);

        private QuotaBucket? RequestBucket(IExecutionContext context, string operation) =>
            _requestBuckets.GetOrAdd(operation, op => _pacer.RequestBucket(_quotas, _signingName, Account(context), _region, op));

        /// <summary>Settles a GetMetricData answer against its reservation: the points it carried (known only once it is
        /// read) beyond what was reserved are taken as debt, a reservation larger than the answer is given back.</summary>
        public void SettleDataPoints(int points, double reserved)
        {
            if (!_quotas.Enabled || _signingName != "monitoring") return;
            var bucket = _dataPoints ??= _pacer.DataPointBucket(_quotas, Volatile.Read(ref _account) ?? "default", _region);
            if (bucket is null) return;
            double difference = Math.Max(0, points) - Math.Max(0, reserved);
            if (difference > 0) bucket.Consume(difference);
            else if (difference < 0) bucket.Refund(-difference);
        }

        private async Task BeforeAsync(IExecutionContext context)
        {
            if (!_quotas.Enabled) return;
            var operation = Operation(context);
            if (operation is null) return;
            var token = context.RequestContext.CancellationToken;
            await RequestPacer.WaitTurnAsync(RequestBucket(context, operation), 1, token).ConfigureAwait(false);
            if (operation == "GetMetricData") await RequestPacer.WaitTurnAsync(DataPoints(context), Reserved(context), token).ConfigureAwait(false);
        }

        private void AfterFailure(IExecutionContext context, Exception error)
        {
            if (!_quotas.Enabled) return;
            var operation = Operation(context);
            if (operation is null) return;
            // A failed attempt carried no data points: its reservation goes back (a retry reserves again).
            if (operation == "GetMetricData" && Reserved(context) > 0) DataPoints(context)?.Refund(Reserved(context));
            if (error is not AmazonServiceException e
                || AwsErrorClassifier.Classify(e.ErrorCode, (int)e.StatusCode, e.Message) != AwsErrorKind.Throttling) return;
            RequestBucket(context, operation)?.Throttled();
            if (operation == "GetMetricData") DataPoints(context)?.Throttled();
        }

        private static string? Operation(IExecutionContext context) =>
            (context.RequestContext.OriginalRequest as JsonOperationRequest)?.Operation;

        private static double Reserved(IExecutionContext context) =>
            (context.RequestContext.OriginalRequest as JsonOperationRequest)?.ReservedDataPoints ?? 0;

        /// <summary>The access key the request is signed with stands for the account (the same key is the same account).</summary>
        private string Account(IExecutionContext context)
        {
            var known = Volatile.Read(ref _account);
            if (known != null) return known;
            string account = "default";
            try
            {
                if (context.RequestContext.Identity is AWSCredentials credentials)
                    account = credentials.GetCredentials()?.AccessKey ?? account;
            }
            catch (Exception)
            {
                // Credentials that cannot be read here fail the call in the signer with their own message.
            }
            Volatile.Write(ref _account, account);
            return account;
        }
    }
}
