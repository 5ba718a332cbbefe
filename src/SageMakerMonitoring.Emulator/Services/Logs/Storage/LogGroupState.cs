using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>A log group and its streams, kept sorted by name (ordinal, as AWS sorts).</summary>
    internal sealed class LogGroupState
    {
        public LogGroupState(string name, string arn, long creationTime)
        {
            Name = name;
            Arn = arn;
            CreationTime = creationTime;
        }

        public string Name { get; }
        /// <summary>The group ARN without the trailing ":*".</summary>
        public string Arn { get; }
        public long CreationTime { get; }
        public SortedDictionary<string, LogStreamState> Streams { get; } = new SortedDictionary<string, LogStreamState>(StringComparer.Ordinal);
    }
}
