using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    /// <summary>An emulator with the demo seed and <see cref="RecordingMonitoringService"/> standing in for CloudWatch.</summary>
    public sealed class HostFixture : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions()
        {
            EmulatorOptions options = base.CreateOptions();
            options.AdditionalServices.Add(context => new RecordingMonitoringService(context));
            return options;
        }

        public RecordingMonitoringService Monitoring => Server.GetService<RecordingMonitoringService>();
    }
}
