using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>Runs throughput measurements alone, without other test classes in parallel.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public class ThroughputCollection
    {
        public const string Name = "CloudWatch throughput";
    }
}
