using System;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// Reads one awsJson operation's answer. Success bodies are parsed with the operation's own
    /// <see cref="JsonBodyReader{T}"/> straight off the response bytes; error bodies become an
    /// <see cref="AmazonServiceException"/> so the SDK's retry policy can classify them (throttling, 5xx, clock skew).
    /// </summary>
    internal sealed class JsonOperationUnmarshaller<T> : JsonResponseUnmarshaller
    {
        private readonly ServiceDescriptor _service;
        private readonly JsonBodyReader<T> _readBody;

        public JsonOperationUnmarshaller(ServiceDescriptor service, JsonBodyReader<T> readBody)
        {
            _service = service;
            _readBody = readBody;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new JsonOperationResponse<T>();
            using (ResponseBody body = ResponseBody.Read(context.Stream, context.ResponseData.ContentLength))
            {
                var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64 });
                if (body.Length == 0)
                {
                    reader = new Utf8JsonReader(EmptyObject);
                }
                response.Result = _readBody(ref reader);
            }
            return response;
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            return JsonErrorReader.Read(_service, context.Stream, context.ResponseData, innerException, statusCode);
        }

        private static ReadOnlySpan<byte> EmptyObject => new byte[] { (byte)'{', (byte)'}' };
    }
}
