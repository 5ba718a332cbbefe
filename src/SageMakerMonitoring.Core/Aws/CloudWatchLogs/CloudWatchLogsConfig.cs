using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.CloudWatchLogs
{
    /// <summary>SDK configuration for the CloudWatchLogs client.</summary>
    internal sealed class CloudWatchLogsConfig : JsonServiceConfig
    {
        public CloudWatchLogsConfig()
            : base(ServiceDescriptor.CloudWatchLogs)
        {
        }
    }
}
