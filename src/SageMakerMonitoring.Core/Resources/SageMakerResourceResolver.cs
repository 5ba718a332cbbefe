using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>
    /// The one place that looks up a SageMaker resource a user named: the kind's Describe call (not found decided by
    /// <see cref="AwsServiceException.IsNotFound"/>), the endpoint variant, the resource's own time span, and names that
    /// exist and resemble a misspelled one (the kind's List* call with <c>NameContains</c>, ranked by
    /// <see cref="SimilarNames"/>). Metrics, logs, queries and export all resolve through it, so a name unknown to
    /// SageMaker fails the same way everywhere: <c>TrainingJobNotFound</c>, <c>EndpointNotFound</c>, ...
    /// (<see cref="ErrorKind.ObjectNotFound"/>), naming what was searched and the similar names.
    /// </summary>
    public sealed class SageMakerResourceResolver
    {
        private readonly ISageMakerClient _client;
        private readonly Dictionary<SageMakerResource, SageMakerResourceDescription?> _described = new Dictionary<SageMakerResource, SageMakerResourceDescription?>();

        public SageMakerResourceResolver(ISageMakerClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>Describe and List calls sent.</summary>
        public int Requests { get; private set; }

        /// <summary>Kinds with a Describe call here; the others (Studio apps, labeling and recommendation jobs) are
        /// known only by their logs.</summary>
        public static bool CanDescribe(SageMakerResourceType type) => ListOf(type) != null;

        /// <summary>The resource's description, or null when SageMaker does not know the name (or the kind has no
        /// Describe call: see <see cref="CanDescribe"/>). The variant is not checked here. Answers are cached per resource.</summary>
        public async Task<SageMakerResourceDescription?> TryDescribeAsync(SageMakerResource resource, CancellationToken cancellationToken)
        {
            if (resource is null) throw new ArgumentNullException(nameof(resource));
            var key = resource with { VariantName = null };
            if (_described.TryGetValue(key, out var cached)) return cached;
            if (!CanDescribe(resource.Type)) return null;
            SageMakerResourceDescription? description;
            try
            {
                description = await DescribeCoreAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.IsNotFound)
            {
                description = null;
            }
            _described[key] = description;
            return description;
        }

        /// <summary>The resource's description; a name SageMaker does not know (or an endpoint without the named
        /// variant) fails with <c>&lt;Kind&gt;NotFound</c> listing similar names.</summary>
        public async Task<SageMakerResourceDescription> DescribeAsync(SageMakerResource resource, CancellationToken cancellationToken)
        {
            if (!CanDescribe(resource.Type)) throw new InvalidOperationException($"{resource.Type} has no Describe call here.");
            var description = await TryDescribeAsync(resource, cancellationToken).ConfigureAwait(false);
            if (description is null)
            {
                throw await NotFoundAsync(resource, null, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            }
            if (resource.VariantName != null && !description.VariantNames.Contains(resource.VariantName, StringComparer.Ordinal))
            {
                throw VariantNotFound(resource, description);
            }
            return description;
        }

        /// <summary>A probe for following logs: true once the job is Completed, Failed or Stopped (asks afresh each time).</summary>
        public Func<CancellationToken, Task<bool>>? TerminalProbe(SageMakerResource resource)
        {
            if (!resource.IsJob) return null;
            return async ct =>
            {
                _described.Remove(resource with { VariantName = null });
                return (await TryDescribeAsync(resource, ct).ConfigureAwait(false))?.IsTerminal == true;
            };
        }

        /// <summary>Names of the same kind that exist and resemble <paramref name="resource"/>'s name, best first: a
        /// List* call narrowed by a fragment of the name, and one of the newest names (the filter is case-sensitive).</summary>
        public async Task<IReadOnlyList<string>> SimilarNamesAsync(SageMakerResource resource, CancellationToken cancellationToken)
        {
            if (ListOf(resource.Type) is not SageMakerNameList list) return Array.Empty<string>();
            var candidates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fragment in new[] { NameFragment(resource.Name), null }.Distinct())
            {
                Requests++;
                var page = await _client.ListNamesAsync(list, fragment, null, cancellationToken).ConfigureAwait(false);
                foreach (var name in page.Names) candidates.Add(name);
            }
            candidates.Remove(resource.Name);
            return SimilarNames.Rank(resource.Name, candidates);
        }

        /// <summary>The not-found error for <paramref name="resource"/>, with similar names from SageMaker and
        /// <paramref name="otherCandidates"/> (names another service knows, e.g. CloudWatch dimensions).</summary>
        /// <param name="searchedElsewhere">What else was searched (e.g. "CloudWatch namespace ... with dimension ..."), or null.</param>
        public async Task<MonitoringException> NotFoundAsync(SageMakerResource resource, string? searchedElsewhere, IEnumerable<string> otherCandidates,
            CancellationToken cancellationToken, Exception? inner = null)
        {
            IReadOnlyList<string> similar;
            try
            {
                var fromSageMaker = await SimilarNamesAsync(resource, cancellationToken).ConfigureAwait(false);
                similar = fromSageMaker.Concat(SimilarNames.Rank(resource.Name, otherCandidates.Where(c => c != resource.Name)))
                    .Distinct(StringComparer.Ordinal).Take(5).ToList();
            }
            catch (AwsServiceException ex) when (!ex.IsThrottling)
            {
                // Suggestions are a courtesy: a List call the caller may not call (AccessDenied) must not hide the real error.
                similar = SimilarNames.Rank(resource.Name, otherCandidates.Where(c => c != resource.Name));
            }
            return NotFound(resource, searchedElsewhere, similar, inner);
        }

        /// <summary><c>&lt;Kind&gt;NotFound</c> (ObjectNotFound) naming what was searched and the similar names that exist.</summary>
        public static MonitoringException NotFound(SageMakerResource resource, string? searchedElsewhere, IReadOnlyList<string> similar, Exception? inner = null)
        {
            var kind = Spaced(resource.Type);
            var searched = CanDescribe(resource.Type) ? $"SageMaker (Describe{resource.Type})" : null;
            if (searchedElsewhere != null) searched = searched is null ? searchedElsewhere : searched + " and " + searchedElsewhere;
            var message = new StringBuilder($"No {kind} named '{resource.Name}' was found in this account and region");
            if (searched != null) message.Append(" (searched ").Append(searched).Append(')');
            message.Append('.');
            message.Append(similar.Count > 0 ? $" Similar names that exist: {string.Join(", ", similar)}." : $" No similar {kind} name exists.");
            return new MonitoringException(resource.Type + "NotFound", ErrorKind.ObjectNotFound, message.ToString(), resource.Name, inner)
            {
                RecommendedAction = similar.Count > 0
                    ? $"Check the name (names are case-sensitive); did you mean '{similar[0]}'? Check -Region and -ProfileName too."
                    : "Check the name (names are case-sensitive), -Region and -ProfileName.",
            };
        }

        /// <summary><c>EndpointVariantNotFound</c>: the endpoint exists, the variant does not.</summary>
        public static MonitoringException VariantNotFound(SageMakerResource resource, SageMakerResourceDescription description)
        {
            var variants = description.VariantNames;
            var similar = SimilarNames.Rank(resource.VariantName!, variants);
            return new MonitoringException("EndpointVariantNotFound", ErrorKind.ObjectNotFound,
                $"The endpoint '{resource.Name}' has no variant named '{resource.VariantName}'. Its variants: {(variants.Count == 0 ? "none" : string.Join(", ", variants))}.",
                resource.VariantName)
            {
                RecommendedAction = similar.Count > 0 ? $"Use -VariantName {similar[0]}, or leave -VariantName out for every variant." : "Leave -VariantName out for every variant.",
            };
        }

        private async Task<SageMakerResourceDescription> DescribeCoreAsync(SageMakerResource resource, CancellationToken cancellationToken)
        {
            Requests++;
            switch (resource.Type)
            {
                case SageMakerResourceType.TrainingJob:
                    return FromJob(resource, await _client.DescribeTrainingJobAsync(resource.Name, cancellationToken).ConfigureAwait(false));
                case SageMakerResourceType.ProcessingJob:
                    return FromJob(resource, await _client.DescribeProcessingJobAsync(resource.Name, cancellationToken).ConfigureAwait(false));
                case SageMakerResourceType.TransformJob:
                    return FromJob(resource, await _client.DescribeTransformJobAsync(resource.Name, cancellationToken).ConfigureAwait(false));
                case SageMakerResourceType.Endpoint:
                {
                    var endpoint = await _client.DescribeEndpointAsync(resource.Name, cancellationToken).ConfigureAwait(false);
                    return new SageMakerResourceDescription(resource, endpoint.Status, endpoint.CreationTime, endpoint.LastModifiedTime) { Endpoint = endpoint, Arn = endpoint.Arn };
                }
                case SageMakerResourceType.NotebookInstance:
                {
                    var notebook = await _client.DescribeNotebookInstanceAsync(resource.Name, cancellationToken).ConfigureAwait(false);
                    return new SageMakerResourceDescription(resource, notebook.Status, notebook.CreationTime, notebook.LastModifiedTime) { Arn = notebook.Arn };
                }
                case SageMakerResourceType.InferenceComponent:
                {
                    var component = await _client.DescribeInferenceComponentAsync(resource.Name, cancellationToken).ConfigureAwait(false);
                    return new SageMakerResourceDescription(resource, component.Status, component.CreationTime, component.LastModifiedTime) { Arn = component.Arn };
                }
                default:
                    throw new InvalidOperationException($"{resource.Type} has no Describe call here.");
            }
        }

        private static SageMakerResourceDescription FromJob(SageMakerResource resource, SageMakerJobDescription job) =>
            new SageMakerResourceDescription(resource, job.Status, job.CreationTime, job.LastModifiedTime) { Job = job, Arn = job.Arn };

        internal static SageMakerNameList? ListOf(SageMakerResourceType type)
        {
            switch (type)
            {
                case SageMakerResourceType.TrainingJob: return SageMakerNameList.TrainingJobs;
                case SageMakerResourceType.ProcessingJob: return SageMakerNameList.ProcessingJobs;
                case SageMakerResourceType.TransformJob: return SageMakerNameList.TransformJobs;
                case SageMakerResourceType.Endpoint: return SageMakerNameList.Endpoints;
                case SageMakerResourceType.NotebookInstance: return SageMakerNameList.NotebookInstances;
                case SageMakerResourceType.InferenceComponent: return SageMakerNameList.InferenceComponents;
                default: return null;
            }
        }

        /// <summary>The first word of a name (letters and digits, at least 3; what NameContains accepts), or null.</summary>
        internal static string? NameFragment(string name)
        {
            var sb = new StringBuilder();
            foreach (var c in name)
            {
                if (c < 128 && char.IsLetterOrDigit(c)) { sb.Append(c); continue; }
                if (sb.Length >= 3) break;
                sb.Clear();
            }
            return sb.Length >= 3 ? (sb.Length > 63 ? sb.ToString(0, 63) : sb.ToString()) : null;
        }

        /// <summary>TrainingJob -> "training job".</summary>
        internal static string Spaced(SageMakerResourceType type)
        {
            var name = type.ToString();
            var sb = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i])) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(name[i]));
            }
            return sb.ToString();
        }
    }
}
