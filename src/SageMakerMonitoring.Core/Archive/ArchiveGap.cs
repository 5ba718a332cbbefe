using System;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Output;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// A span of one series that could not be archived at its own resolution because CloudWatch had already dropped
    /// the finer data when the export ran: the archive holds it at <see cref="ExportedPeriod"/> seconds instead, or
    /// not at all (<see cref="ExportedPeriod"/> null: older than anything CloudWatch keeps). Public members are flat
    /// (the resource type as its name, times as DateTimeOffset at UTC); the core's UTC DateTimes are internal.
    /// </summary>
    public sealed class ArchiveGap
    {
        public ArchiveGap(string seriesKey, SageMakerResourceType resourceType, string resourceName, string? host, string? variantName, string metricName,
            string statistic, DateTime start, DateTime end, int lostPeriod, int? exportedPeriod, DateTime recorded)
        {
            SeriesKey = seriesKey;
            ResourceKind = resourceType;
            ResourceName = resourceName;
            Host = host;
            VariantName = variantName;
            MetricName = metricName;
            Statistic = statistic;
            UtcStart = start;
            UtcEnd = end;
            LostPeriod = lostPeriod;
            ExportedPeriod = exportedPeriod;
            UtcRecorded = recorded;
        }

        public string SeriesKey { get; }
        /// <summary>The resource type's name (TrainingJob, Endpoint, ...).</summary>
        public string ResourceType => ResourceKind.ToString();
        internal SageMakerResourceType ResourceKind { get; }
        public string ResourceName { get; }
        public string? Host { get; }
        public string? VariantName { get; }
        public string MetricName { get; }
        public string Statistic { get; }
        /// <summary>At UTC, inclusive.</summary>
        public DateTimeOffset Start => OutputTime.From(UtcStart);
        /// <summary>At UTC, exclusive.</summary>
        public DateTimeOffset End => OutputTime.From(UtcEnd);
        internal DateTime UtcStart { get; set; }
        internal DateTime UtcEnd { get; set; }
        /// <summary>The resolution, in seconds, that is missing for the span.</summary>
        public int LostPeriod { get; }
        /// <summary>The period the span was archived at instead; null when nothing was left to archive.</summary>
        public int? ExportedPeriod { get; }
        /// <summary>When the export that found the gap ran (at UTC).</summary>
        public DateTimeOffset Recorded => OutputTime.From(UtcRecorded);
        internal DateTime UtcRecorded { get; }

        public override string ToString() =>
            $"{ResourceName}{(Host is null ? "" : " " + Host)}{(VariantName is null ? "" : " " + VariantName)} {MetricName} {Statistic}: "
            + $"{RetentionLadder.Describe(LostPeriod)} data lost from {UtcStart:yyyy-MM-ddTHH:mm:ssZ} to {UtcEnd:yyyy-MM-ddTHH:mm:ssZ}, "
            + (ExportedPeriod is int p ? $"archived at {RetentionLadder.Describe(p)}" : "nothing archived");
    }
}
