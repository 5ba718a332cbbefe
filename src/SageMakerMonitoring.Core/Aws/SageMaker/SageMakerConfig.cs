using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.SageMaker
{
    /// <summary>SDK configuration for the SageMaker client.</summary>
    internal sealed class SageMakerConfig : JsonServiceConfig
    {
        public SageMakerConfig()
            : base(ServiceDescriptor.SageMaker)
        {
        }
    }
}
