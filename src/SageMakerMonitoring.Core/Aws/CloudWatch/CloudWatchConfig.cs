using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.CloudWatch
{
    /// <summary>SDK configuration for the CloudWatch client.</summary>
    internal sealed class CloudWatchConfig : JsonServiceConfig
    {
        public CloudWatchConfig()
            : base(ServiceDescriptor.CloudWatch)
        {
        }
    }
}
