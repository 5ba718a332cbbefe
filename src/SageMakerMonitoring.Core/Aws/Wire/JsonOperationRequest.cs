using Amazon.Runtime;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>One awsJson call on its way into the SDK pipeline: the operation name and its serialized input.</summary>
    internal sealed class JsonOperationRequest : AmazonWebServiceRequest
    {
        public JsonOperationRequest(string operation, byte[] body)
        {
            Operation = operation;
            Body = body;
        }

        public string Operation { get; }
        public byte[] Body { get; }
    }
}
