using Amazon.Runtime;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>The SDK-side response of one awsJson call, carrying the operation's parsed output.</summary>
    internal sealed class JsonOperationResponse<T> : AmazonWebServiceResponse
    {
        public T Result { get; set; } = default!;
    }
}
