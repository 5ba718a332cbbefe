using System;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// One log stream of a SageMaker resource with its parsed name parts and what the service knows about it. Public
    /// members are flat for Export-Csv and ConvertTo-Json (times as DateTimeOffset at UTC); the parsed name and the
    /// core's UTC DateTimes are internal.
    /// </summary>
    public sealed class LogStream
    {
        public LogStream(LogStreamName name, DateTime? creationTime, DateTime? firstEventTime, DateTime? lastEventTime, DateTime? lastIngestionTime, long storedBytes, string? arn)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            UtcCreationTime = creationTime;
            UtcFirstEventTime = firstEventTime;
            UtcLastEventTime = lastEventTime;
            UtcLastIngestionTime = lastIngestionTime;
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
        public string? StudioDomainId => Name.StudioDomainId;
        public string? StudioUserProfileName => Name.StudioUserProfileName;
        public string? StudioSpaceName => Name.StudioSpaceName;
        public string? StudioAppType => Name.StudioAppType;
        public string? StudioAppName => Name.StudioAppName;
        /// <summary>The time in the stream's name (transform and notebook streams), at UTC.</summary>
        public DateTimeOffset? Epoch => OutputTime.From(Name.Epoch);
        public bool IsDataLog => Name.IsDataLog;
        public DateTimeOffset? CreationTime => OutputTime.From(UtcCreationTime);
        public DateTimeOffset? FirstEventTime => OutputTime.From(UtcFirstEventTime);
        /// <summary>Eventually consistent on the service (may lag up to an hour).</summary>
        public DateTimeOffset? LastEventTime => OutputTime.From(UtcLastEventTime);
        public DateTimeOffset? LastIngestionTime => OutputTime.From(UtcLastIngestionTime);
        internal DateTime? UtcCreationTime { get; }
        internal DateTime? UtcFirstEventTime { get; }
        internal DateTime? UtcLastEventTime { get; }
        internal DateTime? UtcLastIngestionTime { get; }
        /// <summary>As reported by DescribeLogStreams (the service has reported 0 since 2019).</summary>
        public long StoredBytes { get; }
        public string? Arn { get; }
        public string? Region => Scope?.Region;
        public string? Account => Scope?.Account;
        internal ResourceScope? Scope { get; set; }
        internal LogStreamName Name { get; }

        /// <summary>The time newest-first ordering uses: last event, else last ingestion, else creation.</summary>
        internal DateTime? LatestActivity => UtcLastEventTime ?? UtcLastIngestionTime ?? UtcCreationTime;

        public override string ToString() => LogStreamName;
    }
}
