using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.EventBridge
{
    /// <summary>SDK configuration for the EventBridge client.</summary>
    internal sealed class EventBridgeConfig : JsonServiceConfig
    {
        public EventBridgeConfig()
            : base(ServiceDescriptor.EventBridge)
        {
        }
    }
}
