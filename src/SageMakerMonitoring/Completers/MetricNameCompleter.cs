using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Completers
{
    /// <summary>
    /// Completes -MetricName from the SageMaker metric catalog for the bound resource type and, when a resource name
    /// is bound, from what ListMetrics finds for it (1.5 s budget, cached for 5 minutes). Never throws.
    /// </summary>
    public sealed class MetricNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(1500);
        private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
        private static readonly ConcurrentDictionary<string, (DateTime At, string[] Names)> Cache = new ConcurrentDictionary<string, (DateTime, string[])>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var word = (wordToComplete ?? "").Trim('\'', '"');
                var (type, name) = BoundResource(fakeBoundParameters);
                var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                var catalog = type is SageMakerResourceType t ? MetricCatalog.For(t) : MetricCatalog.Metrics;
                foreach (var d in catalog) names.Add(d.MetricName);
                if (type is SageMakerResourceType rt && name != null)
                {
                    foreach (var n in Listed(rt, name, fakeBoundParameters)) names.Add(n);
                }
                return names
                    .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, Describe(type, n)))
                    .ToList();
            }
            catch
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static string Describe(SageMakerResourceType? type, string name)
        {
            var d = type is SageMakerResourceType t ? MetricCatalog.Find(t, name).FirstOrDefault() : MetricCatalog.Metrics.FirstOrDefault(m => m.MetricName == name);
            return d is null ? name : $"{d.Namespace}: {d.Description} ({d.Unit})";
        }

        internal static (SageMakerResourceType? Type, string? Name) BoundResource(IDictionary bound)
        {
            if (bound == null) return (null, null);
            string? Get(string key) => bound.Contains(key) ? (bound[key] is PSObject ps ? ps.BaseObject : bound[key])?.ToString() : null;
            if (Get("TrainingJobName") is string tj) return (SageMakerResourceType.TrainingJob, tj);
            if (Get("ProcessingJobName") is string pj) return (SageMakerResourceType.ProcessingJob, pj);
            if (Get("TransformJobName") is string xj) return (SageMakerResourceType.TransformJob, xj);
            if (Get("EndpointName") is string ep) return (SageMakerResourceType.Endpoint, ep);
            if (Get("InferenceComponentName") is string ic) return (SageMakerResourceType.InferenceComponent, ic);
            return (null, null);
        }

        private static IEnumerable<string> Listed(SageMakerResourceType type, string name, IDictionary bound)
        {
            string? Get(string key) => bound.Contains(key) ? (bound[key] is PSObject ps ? ps.BaseObject : bound[key])?.ToString() : null;
            var region = Get("Region");
            var endpointUrl = Get("EndpointUrl");
            var profile = Get("ProfileName");
            var key = string.Join("|", type, name, region, endpointUrl, profile, Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"));
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < CacheFor) return cached.Names;

            using var cts = new CancellationTokenSource(Budget);
            var task = Task.Run(async () =>
            {
                using var clients = new AwsClientFactory(new AwsClientOptions { Region = region, EndpointUrl = endpointUrl, ProfileName = profile, MaxAttempts = 1 });
                var service = new MetricQueryService(clients.CreateCloudWatch(), null);
                var found = new HashSet<string>(StringComparer.Ordinal);
                await foreach (var m in service.FindAsync(MetricSelection.ForResource(SageMakerResource.Create(type, name)), false, cts.Token).ConfigureAwait(false))
                {
                    found.Add(m.MetricName);
                }
                return found.ToArray();
            });
            if (!task.Wait(Budget)) return Array.Empty<string>();
            Cache[key] = (DateTime.UtcNow, task.Result);
            return task.Result;
        }
    }
}
