using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>What one worker of a fan-out reads: a resource (null for a raw namespace or piped metrics), the Region
    /// and account its output carries, and the clients of its scope (created before the workers started).</summary>
    public sealed record ResourceWork(SageMakerResource? Resource, ResourceScope Output, IAwsClientFactory Clients);
}
