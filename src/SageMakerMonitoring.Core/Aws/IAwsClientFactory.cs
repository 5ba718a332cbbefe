namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>Creates the wire clients. The only way code outside Aws/ obtains a client.</summary>
    public interface IAwsClientFactory
    {
        ICloudWatchClient CreateCloudWatch();
        ICloudWatchLogsClient CreateCloudWatchLogs();
        IEventBridgeClient CreateEventBridge();
        ISageMakerClient CreateSageMaker();
        IObjectStoreClient CreateObjectStore();
        /// <summary>STS GetCallerIdentity for the account of these credentials.</summary>
        ICallerIdentityClient CreateCallerIdentity();
        /// <summary>The region the clients talk to, after resolution.</summary>
        string Region { get; }
    }
}
