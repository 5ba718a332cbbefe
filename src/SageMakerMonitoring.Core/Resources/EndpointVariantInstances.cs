using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>
    /// The instance type behind each production variant of an endpoint, so CloudWatch's per-instance sums
    /// (CPUUtilization over vCPUs, GPUUtilization over GPUs) can be divided per device. DescribeEndpoint does not name
    /// instance types; the endpoint configuration it names does (DescribeEndpointConfig: ProductionVariants[].InstanceType,
    /// per VariantName). Serverless variants have no instance type. Where a variant's type cannot be known, the reason is
    /// kept for the findings that need it.
    /// </summary>
    public sealed class EndpointVariantInstances
    {
        private readonly Dictionary<string, InstanceTypeInfo> _types = new Dictionary<string, InstanceTypeInfo>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _serverless = new HashSet<string>(StringComparer.Ordinal);
        private readonly InstanceTypeInfo? _all;
        private readonly string? _allReason;

        private EndpointVariantInstances(InstanceTypeInfo? all, string? allReason)
        {
            _all = all;
            _allReason = allReason;
        }

        /// <summary>The endpoint configuration read (null with -InstanceType, or when none could be read).</summary>
        public string? EndpointConfigName { get; private set; }

        /// <summary>The variant's instance type, or null when it is not known.</summary>
        public InstanceTypeInfo? For(string variantName) =>
            _all ?? (_types.TryGetValue(variantName, out var info) ? info : null);

        /// <summary>Why the variant's instance type is not known (null when it is).</summary>
        public string? UnknownReason(string variantName)
        {
            if (For(variantName) != null) return null;
            if (_allReason != null) return _allReason;
            return _reasons.TryGetValue(variantName, out var why) ? why : $"variant '{variantName}' is not in the endpoint configuration";
        }

        /// <summary>True for a serverless variant (no instances: SageMaker publishes memory but no CPU or GPU utilization for it).</summary>
        public bool IsServerless(string variantName) => _all is null && _serverless.Contains(variantName);

        /// <summary>The known instance types, distinct, in variant order (for summaries).</summary>
        public IReadOnlyList<string> Names => _all != null ? new[] { _all.Name } : _types.Values.Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>Every variant on the one type given with -InstanceType.</summary>
        public static EndpointVariantInstances Override(InstanceTypeInfo instance) => new EndpointVariantInstances(instance, null);

        /// <summary>
        /// Reads the endpoint's configuration. A configuration that no longer exists (SageMaker lets one be deleted while
        /// its endpoint runs) or that the caller may not read is a warning and leaves the types unknown; other failures
        /// are the caller's errors.
        /// </summary>
        public static async Task<EndpointVariantInstances> ResolveAsync(ISageMakerClient client, EndpointDescription endpoint, IOperationReporter reporter,
            CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(endpoint.EndpointConfigName))
            {
                return new EndpointVariantInstances(null, "DescribeEndpoint names no endpoint configuration to read the instance type from; pass -InstanceType");
            }
            var configName = endpoint.EndpointConfigName!;
            EndpointConfigDescription config;
            try
            {
                config = await client.DescribeEndpointConfigAsync(configName, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.IsNotFound || ex.IsAccessDenied)
            {
                var why = ex.IsNotFound
                    ? $"endpoint configuration '{configName}' no longer exists, so the instance type is not known; pass -InstanceType"
                    : $"DescribeEndpointConfig on '{configName}' was refused ({ex.ErrorCode}), so the instance type is not known; pass -InstanceType";
                reporter.Warning($"Endpoint '{endpoint.Name}': {why}.");
                return new EndpointVariantInstances(null, why);
            }
            return FromConfig(config);
        }

        /// <summary>The variants' types from a DescribeEndpointConfig answer.</summary>
        public static EndpointVariantInstances FromConfig(EndpointConfigDescription config)
        {
            var result = new EndpointVariantInstances(null, null) { EndpointConfigName = config.Name };
            foreach (var variant in config.Variants)
            {
                if (variant.VariantName.Length == 0) continue;
                var type = variant.InstanceType;
                if (string.IsNullOrEmpty(type))
                {
                    var pools = variant.InstancePoolTypes.Distinct(StringComparer.Ordinal).ToList();
                    if (pools.Count == 1) type = pools[0];
                    else if (pools.Count > 1)
                    {
                        result._reasons[variant.VariantName] = $"variant '{variant.VariantName}' runs on instance pools of different types ({string.Join(", ", pools)}), so one device count does not fit its sums";
                        continue;
                    }
                }
                if (string.IsNullOrEmpty(type))
                {
                    if (variant.IsServerless) result._serverless.Add(variant.VariantName);
                    result._reasons[variant.VariantName] = variant.IsServerless
                        ? $"variant '{variant.VariantName}' is serverless: it has no instance type, and SageMaker publishes no CPU or GPU utilization for it"
                        : $"endpoint configuration '{config.Name}' names no instance type for variant '{variant.VariantName}'";
                    continue;
                }
                var info = InstanceTypeCatalog.Find(type);
                if (info is null)
                {
                    result._reasons[variant.VariantName] = $"variant '{variant.VariantName}' runs on {type}, which the module's instance-type table does not know";
                    continue;
                }
                result._types[variant.VariantName] = info;
            }
            return result;
        }
    }
}
