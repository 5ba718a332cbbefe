using System;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Output
{
    /// <summary>
    /// Gives output objects their <see cref="ResourceScope"/> (Region, Account) as they are written. Datapoints and
    /// series share their metric's scope: it is set on the metric once, and a batch of points costs one reference
    /// comparison per point (the metric changes only between series). Anything else is left as it is.
    /// </summary>
    public static class ResourceScopeStamp
    {
        public static void Apply(object? item, ResourceScope scope)
        {
            if (scope is null) throw new ArgumentNullException(nameof(scope));
            switch (item)
            {
                case null: return;
                case MetricDatapoint point: Set(point.Series.Metric, scope); return;
                case MetricSeries series: Set(series.Descriptor.Metric, scope); return;
                case MetricInfo metric: Set(metric, scope); return;
                case LogEvent e: e.Scope ??= scope; return;
                case LogStream stream: stream.Scope ??= scope; return;
                case UtilizationStatistics statistics: statistics.Scope ??= scope; return;
                case UtilizationFinding finding: finding.Scope ??= scope; return;
                case ArchiveExportSummary summary: summary.Scope ??= scope; return;
            }
        }

        /// <summary>As <see cref="Apply"/> for the first <paramref name="count"/> items of a page.</summary>
        public static void ApplyAll(object[] items, int count, ResourceScope scope)
        {
            if (items is null) throw new ArgumentNullException(nameof(items));
            MetricInfo? last = null;
            for (var i = 0; i < count; i++)
            {
                if (items[i] is MetricDatapoint point)
                {
                    var metric = point.Series.Metric;
                    if (ReferenceEquals(metric, last)) continue;
                    last = metric;
                    Set(metric, scope);
                    continue;
                }
                Apply(items[i], scope);
            }
        }

        private static void Set(MetricInfo metric, ResourceScope scope)
        {
            metric.Scope ??= scope;
        }
    }
}
