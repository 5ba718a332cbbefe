using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// Finds the metrics to archive: for named resources every metric ListMetrics knows for them (or the named ones,
    /// or the resource's documented defaults when ListMetrics has forgotten it); with -All every metric in the
    /// SageMaker namespaces, each attributed to its job, endpoint or inference component.
    /// </summary>
    public sealed class ArchiveSeriesDiscovery
    {
        /// <summary>The namespaces SageMaker publishes metrics to.</summary>
        public static readonly IReadOnlyList<string> SageMakerNamespaces = new[]
        {
            MetricCatalog.TrainingJobsNamespace, MetricCatalog.ProcessingJobsNamespace, MetricCatalog.TransformJobsNamespace,
            MetricCatalog.InvocationNamespace, MetricCatalog.EndpointInstanceNamespace, MetricCatalog.InferenceComponentNamespace,
        };

        private readonly ICloudWatchClient _cloudWatch;
        private readonly ISageMakerClient? _sageMaker;
        private readonly IOperationReporter _reporter;

        public ArchiveSeriesDiscovery(ICloudWatchClient cloudWatch, ISageMakerClient? sageMaker, IOperationReporter reporter)
        {
            _cloudWatch = cloudWatch;
            _sageMaker = sageMaker;
            _reporter = reporter;
        }

        public async Task<List<MetricInfo>> FindAsync(ArchiveExportOptions options, CancellationToken cancellationToken)
        {
            var names = options.MetricNames?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
            if (names != null && names.Count == 0) names = null;
            var found = new List<MetricInfo>();
            if (options.All)
            {
                foreach (var ns in SageMakerNamespaces)
                {
                    string? token = null;
                    do
                    {
                        var page = await _cloudWatch.ListMetricsAsync(new ListMetricsRequest { Namespace = ns, NextToken = token }, cancellationToken).ConfigureAwait(false);
                        foreach (var identity in page.Metrics)
                        {
                            if (names != null && !names.Contains(identity.MetricName, StringComparer.OrdinalIgnoreCase)) continue;
                            var resource = ResourceOf(identity);
                            if (resource is null) continue;
                            var info = MetricSeriesResolver.ToInfo(MetricSelection.ForResource(resource), identity);
                            if (info != null) found.Add(info);
                        }
                        token = page.NextToken;
                    }
                    while (!string.IsNullOrEmpty(token));
                }
                if (found.Count == 0) _reporter.Warning($"No SageMaker metrics found in this region (searched {string.Join(", ", SageMakerNamespaces)}).");
                return found;
            }

            foreach (var selection in options.Selections)
            {
                var resolver = new MetricSeriesResolver(_cloudWatch, _sageMaker);
                var before = found.Count;
                if (names is null)
                {
                    await foreach (var info in resolver.ListAsync(selection, recentlyActive: false, null, cancellationToken).ConfigureAwait(false)) found.Add(info);
                }
                if (found.Count == before)
                {
                    var resolution = await resolver.ResolveAsync(selection, names, cancellationToken).ConfigureAwait(false);
                    found.AddRange(resolution.Metrics);
                    if (resolution.Metrics.Count == 0)
                    {
                        _reporter.Warning($"No metrics{(names is null ? "" : " named " + string.Join(", ", names))} found for {selection}. Searched {resolution.Searched}."
                            + (resolution.Similar.Count > 0 ? $" Similar names that exist: {string.Join(", ", resolution.Similar)}." : ""));
                    }
                    else if (resolution.MissingMetricNames.Count > 0)
                    {
                        _reporter.Warning($"{selection} has no metric named {string.Join(", ", resolution.MissingMetricNames)} in {resolution.Searched}.");
                    }
                }
            }
            return found;
        }

        /// <summary>The resource a metric of a SageMaker namespace describes; null when it describes none the module knows.</summary>
        public static SageMakerResource? ResourceOf(MetricIdentity identity)
        {
            string? Dim(string name) => identity.Dimensions.FirstOrDefault(d => d.Name == name)?.Value;
            if (MetricCatalog.JobTypeOfNamespace(identity.Namespace) is SageMakerResourceType jobType)
            {
                var host = Dim(MetricCatalog.HostDimension);
                var slash = host?.LastIndexOf('/') ?? -1;
                return slash > 0 ? SageMakerResource.Create(jobType, host!.Substring(0, slash)) : null;
            }
            if (Dim(MetricCatalog.InferenceComponentNameDimension) is string component)
            {
                return SageMakerResource.Create(SageMakerResourceType.InferenceComponent, component);
            }
            if (Dim(MetricCatalog.EndpointNameDimension) is string endpoint
                && (identity.Namespace == MetricCatalog.InvocationNamespace || identity.Namespace == MetricCatalog.EndpointInstanceNamespace))
            {
                return SageMakerResource.Create(SageMakerResourceType.Endpoint, endpoint);
            }
            return null;
        }
    }
}
