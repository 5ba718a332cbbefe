using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// Outermost pipeline handler: times each API call (all attempts together) and reports it once to the caller's
    /// <see cref="AwsClientOptions.CallLogger"/> with status, retries, error code and request id. It reads only
    /// response metadata, never the signed request, so keys, tokens and signatures cannot leak into the record.
    /// </summary>
    internal sealed class CallRecordingHandler : PipelineHandler
    {
        private readonly string _service;
        private readonly string _region;
        private readonly Action<AwsCallRecord> _logger;

        public CallRecordingHandler(string service, string region, Action<AwsCallRecord> logger)
        {
            _service = service;
            _region = region;
            _logger = logger;
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            Stopwatch watch = Stopwatch.StartNew();
            try
            {
                base.InvokeSync(executionContext);
                Record(executionContext, watch, null);
            }
            catch (Exception e)
            {
                Record(executionContext, watch, e);
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Stopwatch watch = Stopwatch.StartNew();
            try
            {
                T response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
                Record(executionContext, watch, null);
                return response;
            }
            catch (Exception e)
            {
                Record(executionContext, watch, e);
                throw;
            }
        }

        private void Record(IExecutionContext context, Stopwatch watch, Exception? error)
        {
            watch.Stop();
            string operation = context.RequestContext.OriginalRequest is JsonOperationRequest json
                ? json.Operation
                : OperationOf(context.RequestContext.OriginalRequest);
            int status = 0;
            string? requestId = null;
            string? errorCode = null;
            if (error is AmazonServiceException service)
            {
                status = (int)service.StatusCode;
                requestId = service.RequestId;
                errorCode = string.IsNullOrEmpty(service.ErrorCode) ? service.GetType().Name : service.ErrorCode;
            }
            else if (error is OperationCanceledException)
            {
                errorCode = "Cancelled";
            }
            else if (error != null)
            {
                errorCode = error.GetType().Name;
            }
            else
            {
                AmazonWebServiceResponse? response = context.ResponseContext.Response;
                status = response != null ? (int)response.HttpStatusCode : 0;
                if (status == 0 && context.ResponseContext.HttpResponse != null)
                {
                    status = (int)context.ResponseContext.HttpResponse.StatusCode;
                }
                requestId = response?.ResponseMetadata?.RequestId;
            }
            try
            {
                _logger(new AwsCallRecord(_service, operation, _region, status, watch.Elapsed, context.RequestContext.Retries, errorCode, requestId));
            }
            catch
            {
                // A failing logger must never turn a successful call into a failure.
            }
        }

        private static string OperationOf(AmazonWebServiceRequest? request)
        {
            if (request == null)
            {
                return "Unknown";
            }
            string name = request.GetType().Name;
            return name.EndsWith("Request", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Request".Length) : name;
        }
    }
}
