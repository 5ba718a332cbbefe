using System;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// One log event of a SageMaker resource. Kept small: the per-stream parts (group, stream, resource, host, ...)
    /// live once in a shared <see cref="Catalog.LogStreamName"/> that every event of the stream points to.
    /// </summary>
    public sealed class LogEvent
    {
        private readonly LogStreamName _stream;

        public LogEvent(LogStreamName stream, DateTime timestamp, DateTime ingestionTime, string message, string? eventId)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            Timestamp = timestamp;
            IngestionTime = ingestionTime;
            Message = message ?? "";
            EventId = eventId;
        }

        /// <summary>When the event happened (UTC, millisecond precision).</summary>
        public DateTime Timestamp { get; }
        /// <summary>When CloudWatch Logs received it (UTC).</summary>
        public DateTime IngestionTime { get; }
        public string LogGroupName => _stream.LogGroupName;
        public string LogStreamName => _stream.Value;
        public string? ResourceName => _stream.ResourceName;
        public string? Host => _stream.Host;
        public string? InstanceId => _stream.InstanceId;
        public string? VariantName => _stream.VariantName;
        public string? ContainerName => _stream.ContainerName;
        public string Message { get; }
        public string? EventId { get; }

        /// <summary>Short label of the stream within its resource (what the default view prints as the host).</summary>
        public string Source => _stream.Source;
        public string? LifecycleConfigHook => _stream.LifecycleConfigHook;

        /// <summary>The parsed stream name with all its parts.</summary>
        public LogStreamName Stream => _stream;

        public override string ToString() => $"{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Source} {Message}";
    }
}
