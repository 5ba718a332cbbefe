using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Turns a <see cref="JsonOperationRequest"/> into the awsJson HTTP request: POST / with X-Amz-Target,
    /// the protocol's content type and the JSON body (signing happens later in the pipeline).</summary>
    internal sealed class JsonOperationMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        private readonly ServiceDescriptor _service;

        public JsonOperationMarshaller(ServiceDescriptor service)
        {
            _service = service;
        }

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var operation = (JsonOperationRequest)input;
            IRequest request = new DefaultRequest(operation, _service.ServiceId);
            request.HttpMethod = "POST";
            request.ResourcePath = "/";
            request.Headers["X-Amz-Target"] = _service.TargetPrefix + "." + operation.Operation;
            request.Headers["Content-Type"] = _service.ContentType;
            if (_service.QueryCompatible)
            {
                request.Headers["x-amzn-query-mode"] = "true";
            }
            request.Content = operation.Body;
            if (_service.GzipOperations.Contains(operation.Operation))
            {
                // AWSSDK.Core's CompressionHandler gzips the body when it reaches RequestMinCompressionSizeBytes (10 KB by
                // default) unless compression is disabled (AWS_DISABLE_REQUEST_COMPRESSION, the profile's settings).
                request.CompressionAlgorithm = CompressionEncodingAlgorithm.gzip;
            }
            return request;
        }
    }
}
