using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using SageMakerMonitoring.Core.Aws.Pacing;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// Base of the awsJson service clients: an SDK <see cref="AmazonServiceClient"/> whose pipeline signs with SigV4,
    /// retries, corrects clock skew and records each call; operations are sent through <see cref="InvokeJsonAsync{T}"/>.
    /// </summary>
    internal abstract class JsonServiceClient : AmazonServiceClient
    {
        private readonly JsonOperationMarshaller _marshaller;
        private readonly ServiceDescriptor _service;
        private IServiceMetadata? _metadata;

        protected JsonServiceClient(AWSCredentials? credentials, JsonServiceConfig config, string region, Action<AwsCallRecord>? callLogger)
            : base(credentials!, config)
        {
            _service = config.Service;
            _marshaller = new JsonOperationMarshaller(config.Service);
            // Inside the retry handler: every attempt is paced against the account's quotas (shared by all clients).
            Pacing = new PacingHandler(config.Service.SigningName, region,
                ServiceQuotas.Resolve(!string.IsNullOrEmpty(config.ServiceURL), Environment.GetEnvironmentVariable(ServiceQuotas.EnvironmentVariable)),
                RequestPacer.Shared);
            RuntimePipeline.AddHandlerAfter<RetryHandler>(Pacing);
            if (callLogger != null)
            {
                // Outermost handler: one record per API call, around all retries.
                RuntimePipeline.AddHandler(new CallRecordingHandler(config.Service.ServiceId, region, callLogger));
            }
        }

        protected ServiceDescriptor Service => _service;

        /// <summary>The pacing handler of this client (GetMetricData reports the data points it was answered).</summary>
        internal PacingHandler Pacing { get; }

        protected override IServiceMetadata ServiceMetadata =>
            _metadata ??= new JsonServiceMetadata(((JsonServiceConfig)Config).Service.ServiceId);

        /// <summary>Error codes the SDK would retry as throttling but that are not (called from the base constructor: must
        /// not depend on instance state). AWSSDK.Core counts LimitExceededException as throttling, but EventBridge,
        /// CloudWatch and SageMaker use it for quotas that waiting does not lift (a rule's five targets, the number of
        /// rules or alarms); CloudWatch Logs' concurrent-query limit is waited out above the wire. Either way the wire
        /// must give it back at once instead of retrying it for half a minute.</summary>
        protected virtual IReadOnlyCollection<string> CodesHandledAboveTheWire => NotThrottling;

        /// <summary>Codes in the SDK's throttling list that AWS documents as hard limits, not as a request to slow down.</summary>
        internal static readonly IReadOnlyCollection<string> NotThrottling = new[] { "LimitExceededException" };

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
            // Inside the retry loop: sees every attempt, so a call that stays throttled can say so while it retries.
            pipeline.AddHandlerAfter<RetryHandler>(new ThrottlingWatchHandler(((JsonServiceConfig)Config).Service.ServiceId, ((JsonServiceConfig)Config).ThrottlingNotice,
                ((JsonServiceConfig)Config).ThrottlingWarningAfter));
            IReadOnlyCollection<string> codes = CodesHandledAboveTheWire;
            if (codes.Count > 0)
            {
                RetryPolicy? policy = Config.RetryMode switch
                {
                    RequestRetryMode.Standard => new NarrowedStandardRetryPolicy(Config, codes),
                    RequestRetryMode.Adaptive => new NarrowedAdaptiveRetryPolicy(Config, codes),
                    _ => null,
                };
                if (policy != null)
                {
                    pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(policy));
                }
            }
        }

        /// <summary>Sends one operation and parses its output. Service errors surface as <see cref="AwsServiceException"/>,
        /// missing credentials as <see cref="AwsConfigurationException"/>; cancellation as <see cref="OperationCanceledException"/>.</summary>
        protected async Task<T> InvokeJsonAsync<T>(string operation, Action<Utf8JsonWriter> writeInput, JsonOperationUnmarshaller<T> unmarshaller, CancellationToken cancellationToken,
            double reserveDataPoints = 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] body = JsonInput.Write(writeInput);
            var options = new InvokeOptions
            {
                RequestMarshaller = _marshaller,
                ResponseUnmarshaller = unmarshaller,
            };
            try
            {
                JsonOperationResponse<T> response = await InvokeAsync<JsonOperationResponse<T>>(
                    new JsonOperationRequest(operation, body) { ReservedDataPoints = reserveDataPoints }, options, cancellationToken).ConfigureAwait(false);
                return response.Result;
            }
            catch (Exception e) when (AwsExceptionTranslator.Translate(_service.ServiceId, operation, e, cancellationToken) is Exception translated)
            {
                throw translated;
            }
        }

        private sealed class JsonServiceMetadata : IServiceMetadata
        {
            public JsonServiceMetadata(string serviceId)
            {
                ServiceId = serviceId;
            }

            public string ServiceId { get; }

            public System.Collections.Generic.IDictionary<string, string> OperationNameMapping { get; } =
                new System.Collections.Generic.Dictionary<string, string>();
        }
    }
}
