using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// Pipeline handler inside the SDK's retry loop: it sees every attempt of a call, reports each failed one, and asks
    /// the call's <see cref="ThrottlingWatch"/> whether to warn that AWS keeps throttling it (after each failed attempt
    /// and before each retry). It reads only error codes and status, never the signed request.
    /// </summary>
    internal sealed class ThrottlingWatchHandler : PipelineHandler
    {
        private static readonly ConditionalWeakTable<IRequestContext, ThrottlingWatch> Calls = new ConditionalWeakTable<IRequestContext, ThrottlingWatch>();

        private readonly string _service;
        private readonly Action<AwsAttemptNotice>? _notice;
        private readonly TimeSpan _threshold;
        private readonly Func<DateTime> _clock;

        public ThrottlingWatchHandler(string service, Action<AwsAttemptNotice>? notice, TimeSpan? threshold = null, Func<DateTime>? clock = null)
        {
            _service = service;
            _notice = notice;
            _threshold = threshold ?? ThrottlingWatch.ProcessThreshold;
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            var watch = Before(executionContext);
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception e) when (watch != null && After(executionContext, watch, e))
            {
                throw; // not reached: After returns false
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var watch = Before(executionContext);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception e) when (watch != null && After(executionContext, watch, e))
            {
                throw; // not reached: After returns false
            }
        }

        private ThrottlingWatch? Before(IExecutionContext context)
        {
            if (_notice == null) return null;
            var now = _clock();
            var watch = Calls.GetValue(context.RequestContext, _ => new ThrottlingWatch(now, _threshold));
            if (watch.ShouldWarn(now)) Warn(context, watch, now);
            return watch;
        }

        /// <summary>Records the failed attempt and reports it; always false, so the exception passes unchanged.</summary>
        private bool After(IExecutionContext context, ThrottlingWatch watch, Exception error)
        {
            if (error is OperationCanceledException) return false;
            string? code = null;
            var throttled = false;
            if (error is AmazonServiceException service)
            {
                code = string.IsNullOrEmpty(service.ErrorCode) ? "HTTP " + ((int)service.StatusCode).ToString(CultureInfo.InvariantCulture) : service.ErrorCode;
                throttled = AwsErrorClassifier.Classify(service.ErrorCode, (int)service.StatusCode, service.Message) == AwsErrorKind.Throttling
                            || (int)service.StatusCode == 429;
            }
            else
            {
                code = error.GetType().Name;
            }
            watch.AttemptFailed(throttled);
            var now = _clock();
            var operation = OperationOf(context);
            Report(new AwsAttemptNotice(_service, operation, watch.FailedAttempts, code, false,
                string.Format(CultureInfo.InvariantCulture, "{0} {1}: attempt {2} failed after {3:0.0} s: {4}{5}",
                    _service, operation, watch.FailedAttempts, watch.Elapsed(now).TotalSeconds, code, throttled ? " (throttled)" : "")));
            if (watch.ShouldWarn(now)) Warn(context, watch, now);
            return false;
        }

        private void Warn(IExecutionContext context, ThrottlingWatch watch, DateTime now)
        {
            var operation = OperationOf(context);
            Report(new AwsAttemptNotice(_service, operation, watch.FailedAttempts, null, true, watch.WarningText(_service, operation, now)));
        }

        private void Report(AwsAttemptNotice notice)
        {
            try
            {
                _notice!(notice);
            }
            catch
            {
                // Telling the user must never change the call's outcome.
            }
        }

        private static string OperationOf(IExecutionContext context)
        {
            if (context.RequestContext.OriginalRequest is JsonOperationRequest json) return json.Operation;
            var name = context.RequestContext.OriginalRequest?.GetType().Name ?? "Unknown";
            return name.EndsWith("Request", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Request".Length) : name;
        }
    }
}
