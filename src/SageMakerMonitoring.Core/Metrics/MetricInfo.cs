using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// One CloudWatch metric of a resource: its identity (namespace, name, full dimension set) and what the module
    /// knows about it (which host or variant it describes, unit, documented statistics). Written by
    /// Find-SageMakerMetric; the series Get-SageMakerMetric reads are built from these.
    /// </summary>
    /// <remarks>
    /// Every public member is flat and prints as text (the resource type as its name, the dimensions as
    /// <c>Name=Value;…</c>, the statistics as <c>Average;Maximum;…</c>), so Export-Csv and ConvertTo-Json write clean
    /// rows; what the core needs beyond that (the enum, the CloudWatch identity, the catalog entry) is internal.
    /// </remarks>
    public sealed class MetricInfo
    {

        public MetricInfo(MetricIdentity identity, SageMakerResourceType resourceType, string resourceName, string? host, string? variantName,
            SageMakerMetricDefinition? definition)
        {
            Identity = identity;
            ResourceKind = resourceType;
            ResourceName = resourceName;
            Host = host;
            VariantName = variantName;
            Definition = definition;
            Dimensions = identity.Dimensions.Count == 0
                ? TextMap.Empty
                : new TextMap(identity.Dimensions.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal));
        }

        /// <summary>The resource type's name (TrainingJob, Endpoint, ...; Custom for a raw namespace).</summary>
        public string ResourceType => ResourceKind.ToString();
        internal SageMakerResourceType ResourceKind { get; }
        public string ResourceName { get; }
        /// <summary>The Region the metric was read in.</summary>
        public string? Region => Scope?.Region;
        /// <summary>The account that owns the resource (from its ARN or STS).</summary>
        public string? Account => Scope?.Account;
        /// <summary>Set once per metric; every series and datapoint of it shares the reference.</summary>
        internal ResourceScope? Scope { get; set; }
        /// <summary>For jobs the host (algo-2, or a transform instance id); for endpoints the instance or container, when the metric has one.</summary>
        public string? Host { get; }
        public string? VariantName { get; }
        public string Namespace => Identity.Namespace;
        public string MetricName => Identity.MetricName;
        /// <summary>The full dimension set (a dictionary; its text is <c>Name=Value;…</c>).</summary>
        public IReadOnlyDictionary<string, string> Dimensions { get; }
        /// <summary>The unit SageMaker documents for the metric, when the catalog knows it.</summary>
        public string? Unit => Definition?.Unit;
        /// <summary>The statistics AWS documents as meaningful (percentiles included when supported).</summary>
        public IReadOnlyList<string> Statistics => new TextList<string>(Definition is null
            ? MetricStatistic.Standard
            : Definition.SupportsPercentiles ? Definition.Statistics.Concat(new[] { "p50", "p90", "p99" }).ToArray() : Definition.Statistics.ToArray());
        public string? Description => Definition?.Description;

        /// <summary>The metric as CloudWatch identifies it.</summary>
        internal MetricIdentity Identity { get; }

        internal SageMakerMetricDefinition? Definition { get; }

        /// <summary>"Namespace MetricName Dim=Value,..." for messages.</summary>
        public override string ToString() =>
            $"{Namespace} {MetricName} {string.Join(",", Identity.Dimensions.Select(d => d.Name + "=" + d.Value))}";
    }
}
