using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>Which metrics a user means: a SageMaker resource (optionally one endpoint variant) or a raw namespace and dimensions.</summary>
    public sealed class MetricSelection
    {
        private MetricSelection(SageMakerResourceType type, string name, string? variantName, string? metricNamespace, IReadOnlyList<MetricDimension> dimensions,
            IReadOnlyList<MetricInfo>? metrics = null)
        {
            ResourceType = type;
            ResourceName = name;
            VariantName = variantName;
            Namespace = metricNamespace;
            Dimensions = dimensions;
            Metrics = metrics;
        }

        public SageMakerResourceType ResourceType { get; }
        public string ResourceName { get; }
        public string? VariantName { get; }
        /// <summary>Only for <see cref="SageMakerResourceType.Custom"/>.</summary>
        public string? Namespace { get; }
        /// <summary>Only for <see cref="SageMakerResourceType.Custom"/>: exact dimension values.</summary>
        public IReadOnlyList<MetricDimension> Dimensions { get; }

        /// <summary>
        /// Metrics known already (Find-SageMakerMetric's output piped on): read exactly these, with no discovery.
        /// Null for a selection by name.
        /// </summary>
        public IReadOnlyList<MetricInfo>? Metrics { get; }

        public bool IsJob => ResourceType == SageMakerResourceType.TrainingJob || ResourceType == SageMakerResourceType.ProcessingJob || ResourceType == SageMakerResourceType.TransformJob;

        public static MetricSelection ForResource(SageMakerResource resource)
        {
            switch (resource.Type)
            {
                case SageMakerResourceType.TrainingJob:
                case SageMakerResourceType.ProcessingJob:
                case SageMakerResourceType.TransformJob:
                case SageMakerResourceType.Endpoint:
                case SageMakerResourceType.InferenceComponent:
                    return new MetricSelection(resource.Type, resource.Name, resource.Type == SageMakerResourceType.Endpoint ? resource.VariantName : null, null, Array.Empty<MetricDimension>());
                default:
                    throw new ArgumentException($"{resource.Type} has no CloudWatch metrics the module knows; use -Namespace and -Dimension.", nameof(resource));
            }
        }

        public static MetricSelection ForNamespace(string metricNamespace, IEnumerable<MetricDimension> dimensions)
        {
            if (string.IsNullOrWhiteSpace(metricNamespace)) throw new ArgumentException("A namespace must not be empty.", nameof(metricNamespace));
            var dims = dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
            var name = dims.Count == 0 ? metricNamespace : string.Join(",", dims.Select(d => d.Name + "=" + d.Value));
            return new MetricSelection(SageMakerResourceType.Custom, name, null, metricNamespace.Trim(), dims);
        }

        /// <summary>
        /// Known metrics as selections, one per resource in order of first appearance (so a job's own time range and
        /// its not-found rules still apply per resource); metrics of a raw namespace group by namespace and
        /// dimension set. Duplicates (the same metric piped twice) are dropped.
        /// </summary>
        public static IReadOnlyList<MetricSelection> ForMetrics(IEnumerable<MetricInfo> metrics)
        {
            if (metrics is null) throw new ArgumentNullException(nameof(metrics));
            var groups = new List<KeyValuePair<string, List<MetricInfo>>>();
            var byKey = new Dictionary<string, List<MetricInfo>>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in metrics)
            {
                if (m is null || !seen.Add(m.ToString())) continue;
                var key = m.ResourceKind == SageMakerResourceType.Custom
                    ? "Custom\u0001" + m.Namespace + "\u0001" + m.Dimensions
                    : m.ResourceKind + "\u0001" + m.ResourceName;
                if (!byKey.TryGetValue(key, out var list))
                {
                    list = new List<MetricInfo>();
                    byKey[key] = list;
                    groups.Add(new KeyValuePair<string, List<MetricInfo>>(key, list));
                }
                list.Add(m);
            }
            return groups.Select(g => Of(g.Value)).ToList();
        }

        /// <summary>
        /// For a reader that runs until stopped (Watch-SageMakerMetric): the selections must be of one resource, since
        /// a second would never be reached. Throws <c>MetricsOfSeveralResources</c> (InvalidArgument) otherwise.
        /// </summary>
        public static void RequireOneResource(IReadOnlyList<MetricSelection> selections)
        {
            if (selections.Count <= 1) return;
            var names = string.Join("; ", selections);
            throw new MonitoringException("MetricsOfSeveralResources", ErrorKind.InvalidArgument,
                $"Metrics of one resource can be watched at a time; the metrics given belong to {selections.Count}: {names}.", names)
            {
                RecommendedAction = "Pipe the metrics of one resource (for example Find-SageMakerMetric ... | Where-Object ResourceName -EQ <name>), or run one watch per resource.",
            };
        }

        private static MetricSelection Of(List<MetricInfo> metrics)
        {
            var first = metrics[0];
            if (first.ResourceKind == SageMakerResourceType.Custom)
            {
                var dims = first.Identity.Dimensions.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
                var name = dims.Count == 0 ? first.Namespace : string.Join(",", dims.Select(d => d.Name + "=" + d.Value));
                return new MetricSelection(SageMakerResourceType.Custom, name, null, first.Namespace, dims, metrics);
            }
            // One variant named only when every metric is of that variant, so "variant X" in messages stays true.
            var variant = metrics.All(m => m.VariantName != null && m.VariantName == first.VariantName) ? first.VariantName : null;
            return new MetricSelection(first.ResourceKind, first.ResourceName, first.ResourceKind == SageMakerResourceType.Endpoint ? variant : null, null,
                Array.Empty<MetricDimension>(), metrics);
        }

        public override string ToString() => ResourceType == SageMakerResourceType.Custom
            ? $"namespace {Namespace} with {(Dimensions.Count == 0 ? "no dimension filter" : ResourceName)}"
            : VariantName is null ? $"{ResourceType} '{ResourceName}'" : $"{ResourceType} '{ResourceName}' variant '{VariantName}'";
    }
}
