using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Demo
{
    internal sealed class DemoLogGroup
    {
        public DemoLogGroup(string name, long creationTime)
        {
            Name = name;
            CreationTime = creationTime;
        }

        public string Name { get; }
        public long CreationTime { get; }
        public List<DemoLogStream> Streams { get; } = new List<DemoLogStream>();
    }
}
