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
        private readonly JsonBodySpanReader<T> _readBody;

        public JsonOperationUnmarshaller(ServiceDescriptor service, JsonBodyReader<T> readBody)
            : this(service, (ref Utf8JsonReader reader, ReadOnlySpan<byte> _) => readBody(ref reader))
        {
        }

        public JsonOperationUnmarshaller(ServiceDescriptor service, JsonBodySpanReader<T> readBody)
        {
            _service = service;
            _readBody = readBody;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new JsonOperationResponse<T>();
            using (ResponseBody body = ResponseBody.Read(context.Stream, context.ResponseData.ContentLength))
            {
                var span = body.Length == 0 ? EmptyObject : body.Span;
                var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 64 });
                response.Result = _readBody(ref reader, span);
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
