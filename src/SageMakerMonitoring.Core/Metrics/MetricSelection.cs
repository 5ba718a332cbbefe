using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>Which metrics a user means: a SageMaker resource (optionally one endpoint variant) or a raw namespace and dimensions.</summary>
    public sealed class MetricSelection
    {
        private MetricSelection(SageMakerResourceType type, string name, string? variantName, string? metricNamespace, IReadOnlyList<MetricDimension> dimensions)
        {
            ResourceType = type;
            ResourceName = name;
            VariantName = variantName;
            Namespace = metricNamespace;
            Dimensions = dimensions;
        }

        public SageMakerResourceType ResourceType { get; }
        public string ResourceName { get; }
        public string? VariantName { get; }
        /// <summary>Only for <see cref="SageMakerResourceType.Custom"/>.</summary>
        public string? Namespace { get; }
        /// <summary>Only for <see cref="SageMakerResourceType.Custom"/>: exact dimension values.</summary>
        public IReadOnlyList<MetricDimension> Dimensions { get; }

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

        public override string ToString() => ResourceType == SageMakerResourceType.Custom
            ? $"namespace {Namespace} with {(Dimensions.Count == 0 ? "no dimension filter" : ResourceName)}"
            : VariantName is null ? $"{ResourceType} '{ResourceName}'" : $"{ResourceType} '{ResourceName}' variant '{VariantName}'";
    }
}
