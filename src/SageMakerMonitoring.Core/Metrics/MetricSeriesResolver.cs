using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// Finds the CloudWatch metrics of a resource. Jobs: ListMetrics on the job namespace's Host dimension, kept when
    /// the value starts with "job/"; when that finds nothing (ListMetrics forgets metrics after two weeks) the hosts
    /// algo-1..algo-InstanceCount from the job's Describe. Endpoints: ListMetrics by EndpointName (and VariantName) in
    /// the invocation and instance namespaces, else the variants from DescribeEndpoint. Inference components and raw
    /// namespaces: ListMetrics, else the catalog's names.
    /// </summary>
    public sealed class MetricSeriesResolver
    {
        private readonly ICloudWatchClient _cloudWatch;
        private readonly SageMakerResourceResolver? _resources;

        public MetricSeriesResolver(ICloudWatchClient cloudWatch, ISageMakerClient? sageMaker)
            : this(cloudWatch, sageMaker is null ? null : new SageMakerResourceResolver(sageMaker))
        {
        }

        /// <param name="resources">The resource resolver (Describe, not-found, similar names); null resolves from CloudWatch alone.</param>
        public MetricSeriesResolver(ICloudWatchClient cloudWatch, SageMakerResourceResolver? resources)
        {
            _cloudWatch = cloudWatch;
            _resources = resources;
        }

        /// <summary>ListMetrics requests sent.</summary>
        public int ListRequests { get; private set; }

        /// <summary>Streams every metric of the selection that ListMetrics knows (all pages), as pages arrive.</summary>
        public async IAsyncEnumerable<MetricInfo> ListAsync(MetricSelection selection, bool recentlyActive, string? metricName = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (selection.Metrics != null)
            {
                // Known metrics (piped from Find-SageMakerMetric): nothing to list.
                foreach (var known in selection.Metrics)
                {
                    if (metricName is null || string.Equals(known.MetricName, metricName, StringComparison.Ordinal)) yield return known;
                }
                yield break;
            }
            foreach (var request in ListRequestsFor(selection, metricName, recentlyActive))
            {
                await foreach (var identity in ListAllAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    var info = ToInfo(selection, identity);
                    if (info != null) yield return info;
                }
            }
        }

        /// <summary>The metrics to read for the selection: the named ones, or the resource's defaults.</summary>
        public async Task<MetricResolution> ResolveAsync(MetricSelection selection, IReadOnlyList<string>? metricNames, CancellationToken cancellationToken)
        {
            var names = metricNames?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names != null && names.Count == 0) names = null;
            var searched = DescribeSearch(selection);

            if (selection.Metrics != null)
            {
                // Known metrics: read exactly these (narrowed by -MetricName when given).
                var known = names is null ? selection.Metrics.ToList()
                    : selection.Metrics.Where(m => names.Contains(m.MetricName, StringComparer.OrdinalIgnoreCase)).ToList();
                var absent = names?.Where(n => !selection.Metrics.Any(m => string.Equals(m.MetricName, n, StringComparison.OrdinalIgnoreCase))).ToList() ?? new List<string>();
                return new MetricResolution(Order(known), searched, Array.Empty<string>(), absent);
            }

            if (selection.ResourceType == SageMakerResourceType.Custom && names != null)
            {
                // Exact names and dimensions: nothing to discover.
                var direct = names.Select(n => new MetricInfo(new MetricIdentity(selection.Namespace!, n, selection.Dimensions), SageMakerResourceType.Custom,
                    selection.ResourceName, HostOf(selection.Dimensions), null, MetricCatalog.FindInNamespace(selection.Namespace!, n))).ToList();
                return new MetricResolution(direct, searched, Array.Empty<string>(), Array.Empty<string>());
            }

            var listed = new List<MetricInfo>();
            await foreach (var info in ListAsync(selection, recentlyActive: false, null, cancellationToken).ConfigureAwait(false))
            {
                listed.Add(info);
            }

            List<MetricInfo> chosen;
            if (listed.Count > 0)
            {
                chosen = names != null
                    ? listed.Where(m => names.Contains(m.MetricName, StringComparer.OrdinalIgnoreCase)).ToList()
                    : listed.Where(m => IsDefault(selection, m)).ToList();
                if (names == null && chosen.Count == 0) chosen = listed; // nothing SageMaker-default: everything the resource has
                var missing = names?.Where(n => !listed.Any(m => string.Equals(m.MetricName, n, StringComparison.OrdinalIgnoreCase))).ToList() ?? new List<string>();
                var similar = missing.SelectMany(n => SimilarNames.Rank(n, listed.Select(m => m.MetricName))).Distinct().ToList();
                return new MetricResolution(Order(chosen), searched, similar, missing);
            }

            // ListMetrics knows nothing: SageMaker decides whether the resource exists at all.
            var description = await DescribeKnownAsync(selection, cancellationToken).ConfigureAwait(false);
            if (description is null)
            {
                var candidates = await CloudWatchNamesAsync(selection, cancellationToken).ConfigureAwait(false);
                return new MetricResolution(Array.Empty<MetricInfo>(), searched, SimilarNames.Rank(SimilarTarget(selection, candidates), candidates), names ?? new List<string>());
            }

            var fallback = Fallback(selection, names, description);
            if (fallback.Count > 0)
            {
                return new MetricResolution(Order(fallback), searched + " (ListMetrics found nothing; built from the resource's description)", Array.Empty<string>(),
                    Array.Empty<string>());
            }
            return new MetricResolution(Array.Empty<MetricInfo>(), searched + $" (SageMaker knows it: {description.Status})", Array.Empty<string>(), names ?? new List<string>());
        }

        /// <summary>Fails with <c>&lt;Kind&gt;NotFound</c> when neither CloudWatch (ListMetrics) nor SageMaker knows the
        /// selection's resource; returns at the first metric CloudWatch lists. Raw namespaces always pass.</summary>
        public async Task EnsureKnownAsync(MetricSelection selection, CancellationToken cancellationToken)
        {
            if (selection.ResourceType == SageMakerResourceType.Custom) return;
            await foreach (var _ in ListAsync(selection, recentlyActive: false, null, cancellationToken).ConfigureAwait(false)) return;
            await DescribeKnownAsync(selection, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// For a selection CloudWatch has no metrics for: the resource's description when SageMaker knows it; null
        /// when nobody can tell (raw namespaces, no SageMaker client). A name neither knows is <c>&lt;Kind&gt;NotFound</c>
        /// (similar names from SageMaker and CloudWatch); an endpoint without the named variant <c>EndpointVariantNotFound</c>.
        /// </summary>
        public async Task<SageMakerResourceDescription?> DescribeKnownAsync(MetricSelection selection, CancellationToken cancellationToken)
        {
            if (_resources is null || !SageMakerResourceResolver.CanDescribe(selection.ResourceType)) return null;
            var resource = ResourceOf(selection);
            var description = await _resources.TryDescribeAsync(resource, cancellationToken).ConfigureAwait(false);
            if (description is null)
            {
                var candidates = await CloudWatchNamesAsync(selection, cancellationToken).ConfigureAwait(false);
                throw await _resources.NotFoundAsync(resource, "CloudWatch " + DescribeSearch(selection), candidates, cancellationToken).ConfigureAwait(false);
            }
            if (selection.VariantName != null && description.Endpoint != null && !description.VariantNames.Contains(selection.VariantName, StringComparer.Ordinal))
            {
                throw SageMakerResourceResolver.VariantNotFound(resource, description);
            }
            return description;
        }

        /// <summary>The SageMaker resource a selection names (not for raw namespaces).</summary>
        public static SageMakerResource ResourceOf(MetricSelection selection) =>
            new SageMakerResource(selection.ResourceType, selection.ResourceName, selection.VariantName);

        /// <summary>The series a resource must have, from its description when ListMetrics has forgotten it.</summary>
        private static List<MetricInfo> Fallback(MetricSelection selection, List<string>? names, SageMakerResourceDescription description)
        {
            var result = new List<MetricInfo>();
            IEnumerable<SageMakerMetricDefinition> Definitions(MetricDimensionLayout layout) =>
                (names is null ? MetricCatalog.DefaultsFor(selection.ResourceType) : names.SelectMany(n => MetricCatalog.Find(selection.ResourceType, n)))
                .Where(d => d.Layout == layout);

            switch (selection.ResourceType)
            {
                case SageMakerResourceType.TrainingJob:
                case SageMakerResourceType.ProcessingJob:
                {
                    var count = description.Job?.InstanceCount ?? 0;
                    for (var i = 1; i <= count; i++)
                    {
                        var host = "algo-" + i;
                        foreach (var d in Definitions(MetricDimensionLayout.Host))
                        {
                            var identity = new MetricIdentity(d.Namespace, d.MetricName, new[] { new MetricDimension(MetricCatalog.HostDimension, selection.ResourceName + "/" + host) });
                            result.Add(new MetricInfo(identity, selection.ResourceType, selection.ResourceName, host, null, d));
                        }
                    }
                    break;
                }
                case SageMakerResourceType.TransformJob:
                    break; // hosts are instance ids nobody can guess
                case SageMakerResourceType.Endpoint:
                {
                    foreach (var variant in description.Endpoint?.Variants ?? Array.Empty<EndpointVariantDescription>())
                    {
                        if (selection.VariantName != null && !string.Equals(variant.VariantName, selection.VariantName, StringComparison.Ordinal)) continue;
                        foreach (var d in Definitions(MetricDimensionLayout.EndpointVariant))
                        {
                            var identity = new MetricIdentity(d.Namespace, d.MetricName, new[]
                            {
                                new MetricDimension(MetricCatalog.EndpointNameDimension, selection.ResourceName),
                                new MetricDimension(MetricCatalog.VariantNameDimension, variant.VariantName),
                            });
                            result.Add(new MetricInfo(identity, selection.ResourceType, selection.ResourceName, null, variant.VariantName, d));
                        }
                    }
                    break;
                }
                case SageMakerResourceType.InferenceComponent:
                    foreach (var d in Definitions(MetricDimensionLayout.InferenceComponent))
                    {
                        var identity = new MetricIdentity(d.Namespace, d.MetricName, new[] { new MetricDimension(MetricCatalog.InferenceComponentNameDimension, selection.ResourceName) });
                        result.Add(new MetricInfo(identity, selection.ResourceType, selection.ResourceName, null, null, d));
                    }
                    break;
            }
            return result;
        }

        /// <summary>Resource names CloudWatch knows in the selection's namespaces (variant names, for an endpoint's
        /// unknown variant), for similar-name suggestions.</summary>
        private async Task<IReadOnlyCollection<string>> CloudWatchNamesAsync(MetricSelection selection, CancellationToken cancellationToken)
        {
            var candidates = new HashSet<string>(StringComparer.Ordinal);
            IEnumerable<ListMetricsRequest> requests;
            Func<MetricIdentity, string?> nameOf;
            switch (selection.ResourceType)
            {
                case SageMakerResourceType.TrainingJob:
                case SageMakerResourceType.ProcessingJob:
                case SageMakerResourceType.TransformJob:
                    requests = MetricCatalog.NamespacesFor(selection.ResourceType).Select(ns => new ListMetricsRequest { Namespace = ns, Dimensions = Filter(MetricCatalog.HostDimension, null) });
                    nameOf = m => Dim(m, MetricCatalog.HostDimension) is string h && h.LastIndexOf('/') > 0 ? h.Substring(0, h.LastIndexOf('/')) : null;
                    break;
                case SageMakerResourceType.Endpoint:
                    requests = new[] { new ListMetricsRequest { Namespace = MetricCatalog.InvocationNamespace, Dimensions = Filter(MetricCatalog.EndpointNameDimension, null) } };
                    nameOf = m => selection.VariantName != null && Dim(m, MetricCatalog.EndpointNameDimension) == selection.ResourceName
                        ? Dim(m, MetricCatalog.VariantNameDimension)
                        : Dim(m, MetricCatalog.EndpointNameDimension);
                    break;
                case SageMakerResourceType.InferenceComponent:
                    requests = new[] { new ListMetricsRequest { Namespace = MetricCatalog.InvocationNamespace, Dimensions = Filter(MetricCatalog.InferenceComponentNameDimension, null) } };
                    nameOf = m => Dim(m, MetricCatalog.InferenceComponentNameDimension);
                    break;
                default:
                    requests = new[] { new ListMetricsRequest { Namespace = selection.Namespace } };
                    nameOf = m => m.MetricName;
                    break;
            }

            foreach (var request in requests)
            {
                await foreach (var identity in ListAllAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    if (nameOf(identity) is string n && candidates.Count < 10_000) candidates.Add(n);
                }
            }
            return candidates;
        }

        private static string SimilarTarget(MetricSelection selection, IReadOnlyCollection<string> candidates) =>
            selection.ResourceType == SageMakerResourceType.Endpoint && selection.VariantName != null && !candidates.Contains(selection.ResourceName)
                ? selection.ResourceName
                : selection.VariantName ?? selection.ResourceName;

        private IEnumerable<ListMetricsRequest> ListRequestsFor(MetricSelection selection, string? metricName, bool recentlyActive)
        {
            switch (selection.ResourceType)
            {
                case SageMakerResourceType.TrainingJob:
                case SageMakerResourceType.ProcessingJob:
                case SageMakerResourceType.TransformJob:
                    foreach (var ns in MetricCatalog.NamespacesFor(selection.ResourceType))
                        yield return new ListMetricsRequest { Namespace = ns, MetricName = metricName, Dimensions = Filter(MetricCatalog.HostDimension, null), RecentlyActive = recentlyActive };
                    break;
                case SageMakerResourceType.Endpoint:
                {
                    var dims = new List<KeyValuePair<string, string?>> { new KeyValuePair<string, string?>(MetricCatalog.EndpointNameDimension, selection.ResourceName) };
                    if (selection.VariantName != null) dims.Add(new KeyValuePair<string, string?>(MetricCatalog.VariantNameDimension, selection.VariantName));
                    foreach (var ns in MetricCatalog.NamespacesFor(selection.ResourceType))
                        yield return new ListMetricsRequest { Namespace = ns, MetricName = metricName, Dimensions = dims, RecentlyActive = recentlyActive };
                    break;
                }
                case SageMakerResourceType.InferenceComponent:
                    foreach (var ns in MetricCatalog.NamespacesFor(selection.ResourceType))
                        yield return new ListMetricsRequest { Namespace = ns, MetricName = metricName, Dimensions = Filter(MetricCatalog.InferenceComponentNameDimension, selection.ResourceName), RecentlyActive = recentlyActive };
                    break;
                default:
                    yield return new ListMetricsRequest
                    {
                        Namespace = selection.Namespace,
                        MetricName = metricName,
                        Dimensions = selection.Dimensions.Select(d => new KeyValuePair<string, string?>(d.Name, d.Value)).ToList(),
                        RecentlyActive = recentlyActive,
                    };
                    break;
            }
        }

        private async IAsyncEnumerable<MetricIdentity> ListAllAsync(ListMetricsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string? token = null;
            do
            {
                request.NextToken = token;
                ListRequests++;
                var page = await _cloudWatch.ListMetricsAsync(request, cancellationToken).ConfigureAwait(false);
                foreach (var m in page.Metrics) yield return m;
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
        }

        /// <summary>Turns a listed metric into a MetricInfo of the selection, or null when it belongs to another resource.</summary>
        internal static MetricInfo? ToInfo(MetricSelection selection, MetricIdentity identity)
        {
            switch (selection.ResourceType)
            {
                case SageMakerResourceType.TrainingJob:
                case SageMakerResourceType.ProcessingJob:
                case SageMakerResourceType.TransformJob:
                {
                    var hostValue = Dim(identity, MetricCatalog.HostDimension);
                    var prefix = MetricCatalog.HostPrefix(selection.ResourceName);
                    if (hostValue is null || !hostValue.StartsWith(prefix, StringComparison.Ordinal) || hostValue.Length == prefix.Length) return null;
                    var host = hostValue.Substring(prefix.Length);
                    if (host.IndexOf('/') >= 0) return null; // another job whose name extends this one with a slash cannot exist; be strict anyway
                    return new MetricInfo(identity, selection.ResourceType, selection.ResourceName, host, null,
                        MetricCatalog.Find(selection.ResourceType, identity.Namespace, identity.MetricName));
                }
                case SageMakerResourceType.Endpoint:
                {
                    if (Dim(identity, MetricCatalog.EndpointNameDimension) != selection.ResourceName) return null;
                    var variant = Dim(identity, MetricCatalog.VariantNameDimension);
                    if (selection.VariantName != null && variant != selection.VariantName) return null;
                    var host = Dim(identity, MetricCatalog.InstanceIdDimension) ?? Dim(identity, MetricCatalog.ContainerNameDimension);
                    if (host is null && Dim(identity, MetricCatalog.HostDimension) is string h && h.LastIndexOf('/') > 0) host = h.Substring(h.LastIndexOf('/') + 1);
                    return new MetricInfo(identity, selection.ResourceType, selection.ResourceName, host, variant,
                        MetricCatalog.Find(selection.ResourceType, identity.Namespace, identity.MetricName));
                }
                case SageMakerResourceType.InferenceComponent:
                    if (Dim(identity, MetricCatalog.InferenceComponentNameDimension) != selection.ResourceName) return null;
                    return new MetricInfo(identity, selection.ResourceType, selection.ResourceName, Dim(identity, MetricCatalog.InstanceIdDimension), null,
                        MetricCatalog.Find(selection.ResourceType, identity.Namespace, identity.MetricName));
                default:
                    foreach (var d in selection.Dimensions)
                    {
                        if (Dim(identity, d.Name) != d.Value) return null;
                    }
                    return new MetricInfo(identity, SageMakerResourceType.Custom, selection.ResourceName, HostOf(identity.Dimensions), null,
                        MetricCatalog.FindInNamespace(identity.Namespace, identity.MetricName));
            }
        }

        private static bool IsDefault(MetricSelection selection, MetricInfo metric)
        {
            if (selection.ResourceType == SageMakerResourceType.Custom) return true;
            var d = metric.Definition;
            if (d is null || !d.IsDefault) return false;
            // Defaults use the plain layout (no InstanceType/InstanceId/ContainerName split).
            return metric.Identity.Dimensions.Count == LayoutDimensionCount(d.Layout);
        }

        private static int LayoutDimensionCount(MetricDimensionLayout layout)
        {
            switch (layout)
            {
                case MetricDimensionLayout.EndpointVariant: return 2;
                case MetricDimensionLayout.EndpointVariantContainer: return 3;
                default: return 1;
            }
        }

        private static List<MetricInfo> Order(IEnumerable<MetricInfo> metrics) => metrics
            .OrderBy(m => m.Namespace, StringComparer.Ordinal)
            .ThenBy(m => m.MetricName, StringComparer.Ordinal)
            .ThenBy(m => m.VariantName ?? "", StringComparer.Ordinal)
            .ThenBy(m => HostSortKey(m.Host))
            .ThenBy(m => m.ToString(), StringComparer.Ordinal)
            .ToList();

        /// <summary>algo-2 before algo-10.</summary>
        private static string HostSortKey(string? host)
        {
            if (host is null) return "";
            var i = host.Length;
            while (i > 0 && char.IsDigit(host[i - 1])) i--;
            return i < host.Length ? host.Substring(0, i) + host.Substring(i).PadLeft(10, '0') : host;
        }

        public static string DescribeSearch(MetricSelection selection)
        {
            if (selection.Metrics != null) return $"the {selection.Metrics.Count} metric(s) given";
            switch (selection.ResourceType)
            {
                case SageMakerResourceType.TrainingJob:
                case SageMakerResourceType.ProcessingJob:
                case SageMakerResourceType.TransformJob:
                    return $"namespace {string.Join(", ", MetricCatalog.NamespacesFor(selection.ResourceType))} with dimension Host={selection.ResourceName}/*";
                case SageMakerResourceType.Endpoint:
                    return $"namespaces {string.Join(", ", MetricCatalog.NamespacesFor(selection.ResourceType))} with dimension EndpointName={selection.ResourceName}"
                        + (selection.VariantName is null ? "" : $", VariantName={selection.VariantName}");
                case SageMakerResourceType.InferenceComponent:
                    return $"namespaces {string.Join(", ", MetricCatalog.NamespacesFor(selection.ResourceType))} with dimension InferenceComponentName={selection.ResourceName}";
                default:
                    return $"namespace {selection.Namespace}" + (selection.Dimensions.Count == 0 ? "" : " with dimensions " + selection.ResourceName);
            }
        }

        private static IReadOnlyList<KeyValuePair<string, string?>> Filter(string name, string? value) => new[] { new KeyValuePair<string, string?>(name, value) };

        private static string? Dim(MetricIdentity identity, string name)
        {
            foreach (var d in identity.Dimensions)
            {
                if (d.Name == name) return d.Value;
            }
            return null;
        }

        private static string? HostOf(IReadOnlyList<MetricDimension> dimensions)
        {
            foreach (var d in dimensions)
            {
                if (d.Name == MetricCatalog.HostDimension) return d.Value;
            }
            return null;
        }
    }
}
