using System;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// One log event of a SageMaker resource. Kept small: the per-stream parts (group, stream, resource, host, ...)
    /// live once in a shared <see cref="Catalog.LogStreamName"/> that every event of the stream points to. Public
    /// members are flat for Export-Csv and ConvertTo-Json (times as DateTimeOffset at UTC); the parsed stream name
    /// stays internal.
    /// </summary>
    public sealed class LogEvent
    {
        private readonly LogStreamName _stream;

        public LogEvent(LogStreamName stream, DateTime timestamp, DateTime ingestionTime, string message, string? eventId)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            UtcTimestamp = timestamp;
            UtcIngestionTime = ingestionTime;
            Message = message ?? "";
            EventId = eventId;
        }

        /// <summary>When the event happened (at UTC, millisecond precision).</summary>
        public DateTimeOffset Timestamp => new DateTimeOffset(UtcTimestamp, TimeSpan.Zero);
        /// <summary>When CloudWatch Logs received it (at UTC).</summary>
        public DateTimeOffset IngestionTime => new DateTimeOffset(UtcIngestionTime, TimeSpan.Zero);
        /// <summary>When the event happened (DateTimeKind.Utc), as the core merges and compares it.</summary>
        internal DateTime UtcTimestamp { get; }
        internal DateTime UtcIngestionTime { get; }
        public string LogGroupName => _stream.LogGroupName;
        public string LogStreamName => _stream.Value;
        public string? ResourceName => _stream.ResourceName;
        public string? Host => _stream.Host;
        public string? InstanceId => _stream.InstanceId;
        public string? VariantName => _stream.VariantName;
        public string? ContainerName => _stream.ContainerName;
        public string Message { get; }
        /// <summary>The Region the event was read in.</summary>
        public string? Region => Scope?.Region;
        /// <summary>The account that owns the resource (from its ARN or STS).</summary>
        public string? Account => Scope?.Account;
        internal ResourceScope? Scope { get; set; }
        public string? EventId { get; }

        /// <summary>Short label of the stream within its resource (what the default view prints as the host).</summary>
        public string Source => _stream.Source;
        public string? LifecycleConfigHook => _stream.LifecycleConfigHook;

        /// <summary>The parsed stream name with all its parts.</summary>
        internal LogStreamName Stream => _stream;

        /// <summary>A small number per distinct <see cref="Source"/> for the default view's host colours (a method, so
        /// exports leave it out).</summary>
        public int GetSourceColorIndex() => _stream.SourceColorIndex;

        public override string ToString() => $"{UtcTimestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Source} {Message}";
    }
}
