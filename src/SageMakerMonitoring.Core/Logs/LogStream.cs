using System;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>One log stream of a SageMaker resource with its parsed name parts and what the service knows about it.</summary>
    public sealed class LogStream
    {
        public LogStream(LogStreamName name, DateTime? creationTime, DateTime? firstEventTime, DateTime? lastEventTime, DateTime? lastIngestionTime, long storedBytes, string? arn)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            CreationTime = creationTime;
            FirstEventTime = firstEventTime;
            LastEventTime = lastEventTime;
            LastIngestionTime = lastIngestionTime;
            StoredBytes = storedBytes;
            Arn = arn;
        }

        public string LogGroupName => Name.LogGroupName;
        public string LogStreamName => Name.Value;
        public string? ResourceName => Name.ResourceName;
        public string Source => Name.Source;
        public string? Host => Name.Host;
        public string? InstanceId => Name.InstanceId;
        public string? VariantName => Name.VariantName;
        public string? ContainerName => Name.ContainerName;
        public string? LifecycleConfigHook => Name.LifecycleConfigHook;
        public DateTime? Epoch => Name.Epoch;
        public bool IsDataLog => Name.IsDataLog;
        public DateTime? CreationTime { get; }
        public DateTime? FirstEventTime { get; }
        /// <summary>Eventually consistent on the service (may lag up to an hour).</summary>
        public DateTime? LastEventTime { get; }
        public DateTime? LastIngestionTime { get; }
        /// <summary>As reported by DescribeLogStreams (the service has reported 0 since 2019).</summary>
        public long StoredBytes { get; }
        public string? Arn { get; }
        public LogStreamName Name { get; }

        /// <summary>The time newest-first ordering uses: last event, else last ingestion, else creation.</summary>
        public DateTime? LatestActivity => LastEventTime ?? LastIngestionTime ?? CreationTime;

        public override string ToString() => LogStreamName;
    }
}
