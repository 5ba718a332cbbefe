using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// What the module knows about one metric SageMaker publishes for one kind of resource: where it lives
    /// (namespace, dimension layout), its unit, the statistics AWS documents as meaningful, and whether it is part
    /// of the default set a user gets without naming metrics.
    /// </summary>
    public sealed class SageMakerMetricDefinition
    {
        public SageMakerMetricDefinition(SageMakerResourceType resourceType, string metricNamespace, string metricName, MetricDimensionLayout layout,
            string unit, IReadOnlyList<string> statistics, bool supportsPercentiles, bool isDefault, string description)
        {
            ResourceType = resourceType;
            Namespace = metricNamespace;
            MetricName = metricName;
            Layout = layout;
            Unit = unit;
            Statistics = statistics;
            SupportsPercentiles = supportsPercentiles;
            IsDefault = isDefault;
            Description = description;
        }

        public SageMakerResourceType ResourceType { get; }
        public string Namespace { get; }
        public string MetricName { get; }
        public MetricDimensionLayout Layout { get; }
        /// <summary>CloudWatch unit name (e.g. Percent, Microseconds, None).</summary>
        public string Unit { get; }
        /// <summary>The documented valid statistics (SampleCount, Average, Sum, Minimum, Maximum).</summary>
        public IReadOnlyList<string> Statistics { get; }
        public bool SupportsPercentiles { get; }
        public bool IsDefault { get; }
        public string Description { get; }

        /// <summary>The statistic used when the user names none: Average when it is meaningful, otherwise the first documented one.</summary>
        public string DefaultStatistic => Supports("Average") ? "Average" : Statistics.Count > 0 ? Statistics[0] : "Average";

        /// <summary>True when the statistic (canonical spelling, or a percentile such as p99) is documented as meaningful.</summary>
        public bool Supports(string statistic)
        {
            if (statistic.Length > 1 && (statistic[0] == 'p' || statistic[0] == 'P') && char.IsDigit(statistic[1])) return SupportsPercentiles;
            foreach (var s in Statistics)
            {
                if (string.Equals(s, statistic, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        public override string ToString() => $"{Namespace} {MetricName}";
    }
}
