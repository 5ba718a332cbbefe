using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    /// <summary>Tests that measure process CPU time: they run alone so other test classes do not count against them.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SerialMeasurementCollection
    {
        public const string Name = "Logs serving-rate measurements";
    }
}
