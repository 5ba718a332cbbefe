using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>What Export-SageMakerMetric asks for.</summary>
    public sealed class ArchiveExportOptions
    {
        /// <summary>The resources to export; ignored with <see cref="All"/>.</summary>
        public IReadOnlyList<MetricSelection> Selections { get; set; } = Array.Empty<MetricSelection>();
        /// <summary>Every SageMaker resource with metrics in the region (ListMetrics across the SageMaker namespaces).</summary>
        public bool All { get; set; }
        /// <summary>The Region this run reads (null: unknown, as before Regions were recorded). Series are then kept per
        /// Region; a series of an archive from before is continued in place by the first Region that reads it.</summary>
        public string? Region { get; set; }
        /// <summary>New series go under <c>region=…/</c> (before namespace=…): set when one call archives several Regions;
        /// an archive that already has such series keeps adding them that way.</summary>
        public bool RegionPartition { get; set; }
        /// <summary>Null or empty: every metric the resource has.</summary>
        public IReadOnlyList<string>? MetricNames { get; set; }
        /// <summary>Null or empty: each metric's default statistic.</summary>
        public IReadOnlyList<string>? Statistics { get; set; }
        public ArchiveFormat Format { get; set; } = ArchiveFormat.JsonLines;
        /// <summary>Data younger than this is left for the next run, so late datapoints are not missed.</summary>
        public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMinutes(5);
        /// <summary>How far back a series seen for the first time is exported.</summary>
        public TimeSpan InitialLookBack { get; set; } = TimeSpan.FromHours(3);
        /// <summary>Export up to this time at most (default: now minus the settle delay).</summary>
        public DateTime? EndTime { get; set; }
        /// <summary>How long to wait for another run's lock.</summary>
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>The time (UTC); replaceable for tests that move the emulator's clock.</summary>
        public Func<DateTime> Clock { get; set; } = () => DateTime.UtcNow;
        public MetricReadOptions ReadOptions { get; set; } = MetricReadOptions.Default;
    }
}
