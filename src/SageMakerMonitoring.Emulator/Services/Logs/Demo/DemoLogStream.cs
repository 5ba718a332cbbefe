using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Demo
{
    internal sealed class DemoLogStream
    {
        public DemoLogStream(string name, long creationTime)
        {
            Name = name;
            CreationTime = creationTime;
        }

        public string Name { get; }
        public long CreationTime { get; }
        public List<DemoLogEvent> Events { get; } = new List<DemoLogEvent>();
    }
}
