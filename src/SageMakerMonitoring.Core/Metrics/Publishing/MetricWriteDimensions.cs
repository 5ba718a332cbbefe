using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Metrics.Publishing
{
    /// <summary>
    /// The dimensions a published datapoint gets so that it lines up with SageMaker's own metrics: jobs use
    /// <c>Host = job-name/host</c>; endpoints <c>EndpointName</c> (+ <c>VariantName</c>); inference components
    /// <c>InferenceComponentName</c>. Explicit dimensions are taken as given and win over the resource's.
    /// </summary>
    public static class MetricWriteDimensions
    {
        public static IReadOnlyList<MetricDimension> For(SageMakerResourceType? resourceType, string? resourceName, string? host,
            string? variantName, IEnumerable<KeyValuePair<string, string?>>? explicitDimensions)
        {
            var result = new List<MetricDimension>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (explicitDimensions != null)
            {
                foreach (var pair in explicitDimensions)
                {
                    if (string.IsNullOrEmpty(pair.Key))
                        throw new MonitoringException("InvalidDimension", ErrorKind.InvalidArgument, "A dimension has an empty name.", pair.Key)
                        { RecommendedAction = "Give every dimension a name, e.g. @{ Host = 'job/algo-1' }." };
                    if (string.IsNullOrEmpty(pair.Value))
                        throw new MonitoringException("InvalidDimension", ErrorKind.InvalidArgument, "Dimension '" + pair.Key + "' has no value.", pair.Key)
                        { RecommendedAction = "Give every dimension a value, or leave the dimension out." };
                    if (seen.Add(pair.Key)) result.Add(new MetricDimension(pair.Key, pair.Value!));
                }
            }
            if (resourceType is null || string.IsNullOrEmpty(resourceName)) return result;

            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value) && seen.Add(name)) result.Add(new MetricDimension(name, value!));
            }

            switch (resourceType.Value)
            {
                case SageMakerResourceType.TrainingJob:
                case SageMakerResourceType.ProcessingJob:
                case SageMakerResourceType.TransformJob:
                    if (!string.IsNullOrEmpty(host))
                        Add("Host", host!.IndexOf('/') >= 0 ? host : resourceName + "/" + host);
                    break;
                case SageMakerResourceType.Endpoint:
                    Add("EndpointName", resourceName);
                    Add("VariantName", variantName);
                    break;
                case SageMakerResourceType.InferenceComponent:
                    Add("InferenceComponentName", resourceName);
                    break;
                default:
                    throw new MonitoringException("UnsupportedResourceType", ErrorKind.InvalidArgument,
                        "SageMaker publishes no metrics with dimensions for a " + resourceType.Value + "; give -Dimension instead.", resourceType.Value);
            }
            return result;
        }
    }
}
