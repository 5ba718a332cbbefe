using System;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// A span of one series that could not be archived at its own resolution because CloudWatch had already dropped
    /// the finer data when the export ran: the archive holds it at <see cref="ExportedPeriod"/> seconds instead, or
    /// not at all (<see cref="ExportedPeriod"/> null: older than anything CloudWatch keeps).
    /// </summary>
    public sealed class ArchiveGap
    {
        public ArchiveGap(string seriesKey, SageMakerResourceType resourceType, string resourceName, string? host, string? variantName, string metricName,
            string statistic, DateTime start, DateTime end, int lostPeriod, int? exportedPeriod, DateTime recorded)
        {
            SeriesKey = seriesKey;
            ResourceType = resourceType;
            ResourceName = resourceName;
            Host = host;
            VariantName = variantName;
            MetricName = metricName;
            Statistic = statistic;
            Start = start;
            End = end;
            LostPeriod = lostPeriod;
            ExportedPeriod = exportedPeriod;
            Recorded = recorded;
        }

        public string SeriesKey { get; }
        public SageMakerResourceType ResourceType { get; }
        public string ResourceName { get; }
        public string? Host { get; }
        public string? VariantName { get; }
        public string MetricName { get; }
        public string Statistic { get; }
        /// <summary>UTC, inclusive.</summary>
        public DateTime Start { get; internal set; }
        /// <summary>UTC, exclusive.</summary>
        public DateTime End { get; internal set; }
        /// <summary>The resolution, in seconds, that is missing for the span.</summary>
        public int LostPeriod { get; }
        /// <summary>The period the span was archived at instead; null when nothing was left to archive.</summary>
        public int? ExportedPeriod { get; }
        /// <summary>When the export that found the gap ran.</summary>
        public DateTime Recorded { get; }

        public override string ToString() =>
            $"{ResourceName}{(Host is null ? "" : " " + Host)}{(VariantName is null ? "" : " " + VariantName)} {MetricName} {Statistic}: "
            + $"{RetentionLadder.Describe(LostPeriod)} data lost from {Start:yyyy-MM-ddTHH:mm:ssZ} to {End:yyyy-MM-ddTHH:mm:ssZ}, "
            + (ExportedPeriod is int p ? $"archived at {RetentionLadder.Describe(p)}" : "nothing archived");
    }
}
