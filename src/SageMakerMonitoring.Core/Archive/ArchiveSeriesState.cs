using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>What the checkpoint knows of one series: what it is, and how far it has been exported.</summary>
    public sealed class ArchiveSeriesState
    {
        public ArchiveSeriesState(string metricNamespace, string metricName, IEnumerable<MetricDimension> dimensions, string statistic,
            SageMakerResourceType resourceType, string resourceName, string? host, string? variantName, string? partitionRegion = null)
        {
            Namespace = metricNamespace;
            MetricName = metricName;
            Dimensions = dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
            Statistic = statistic;
            ResourceType = resourceType;
            ResourceName = resourceName;
            Host = host;
            VariantName = variantName;
            Region = partitionRegion;
            IsRegional = partitionRegion != null;
            Key = KeyOf(metricNamespace, metricName, Dimensions, statistic) + (partitionRegion is null ? "" : RegionKey(partitionRegion));
        }

        /// <summary>The Region the series is read in; null for a series of an archive from before Regions were recorded
        /// that no Region has continued yet.</summary>
        public string? Region { get; set; }

        /// <summary>True when the series lives under <c>region=…/</c> and the Region is part of its key.</summary>
        public bool IsRegional { get; }

        /// <summary>What a Region adds to a series key.</summary>
        public static string RegionKey(string region) => "|region=" + region;

        /// <summary>namespace|metric|statistic|Dim=Value,… (dimensions by name), then |region=… for a series under a Region
        /// partition: the series' identity in the checkpoint.</summary>
        public string Key { get; }
        public string Namespace { get; }
        public string MetricName { get; }
        public IReadOnlyList<MetricDimension> Dimensions { get; }
        public string Statistic { get; }
        public SageMakerResourceType ResourceType { get; }
        public string ResourceName { get; }
        public string? Host { get; }
        public string? VariantName { get; }

        /// <summary>Everything before this time (UTC, exclusive) is in the archive or recorded as a gap; null: never exported.</summary>
        public DateTime? ExportedThrough { get; set; }
        /// <summary>The period, in seconds, of the last rows written for the series.</summary>
        public int Period { get; set; }
        /// <summary>The series' storage resolution as observed: 1 (high resolution) or 60 (standard).</summary>
        public int Resolution { get; set; } = 1;
        /// <summary>The newest datapoint ever exported.</summary>
        public DateTime? LastDatapoint { get; set; }
        /// <summary>For a series first seen with an initial look-back: before this time coarser rows are a backfill, not a gap.</summary>
        public DateTime? BackfillUntil { get; set; }

        /// <summary>
        /// The folder (<c>namespace=…/resource=…</c>) the series' files go to, as the checkpoint names it; null for a
        /// series a checkpoint written before folders were recorded knows (it continues in the folder it used then).
        /// </summary>
        public string? Folder { get; set; }

        public MetricIdentity Identity => new MetricIdentity(Namespace, MetricName, Dimensions);

        public static string KeyOf(string metricNamespace, string metricName, IEnumerable<MetricDimension> dimensions, string statistic) =>
            metricNamespace + "|" + metricName + "|" + statistic + "|"
            + string.Join(",", dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Name + "=" + d.Value));

        public override string ToString() => $"{MetricName} {Statistic} of {ResourceName}{(Host is null ? "" : " " + Host)}{(VariantName is null ? "" : " " + VariantName)}";
    }
}
