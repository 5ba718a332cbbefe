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

        /// <summary>GetMetricData: the most data points the answer can carry, reserved from the data-points bucket before
        /// each attempt is sent (so calls in flight count against the quota before their answers arrive).</summary>
        public double ReservedDataPoints { get; set; }
    }
}
