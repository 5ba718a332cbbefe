using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>
    /// The front door of "many resources in one call": turns a <see cref="ResourceSelection"/> (names, wildcard patterns,
    /// -CreatedAfter, -Status) into the resources to read, streamed as they are found.
    /// <list type="bullet">
    /// <item>A plain name is read as given; with filters it is described first (<see cref="SageMakerResourceResolver"/>):
    /// unknown to SageMaker is the item's <c>&lt;Kind&gt;NotFound</c> failure, outside the filters is skipped (verbose).</item>
    /// <item>A pattern lists the kind with the List* call: <c>NameContains</c> = the pattern's longest literal run the service
    /// accepts, <c>CreationTimeAfter</c>, <c>StatusEquals</c> when one status is asked for; every page is read and each name is
    /// matched exactly (case-insensitive, as PowerShell's -like; when the case-sensitive NameContains listing matched
    /// nothing, the kind is listed once more without it). A pattern that matches nothing is a warning.</item>
    /// <item>A name selected by several patterns is read once.</item>
    /// </list>
    /// </summary>
    public sealed class SageMakerResourceSelector
    {
        private readonly ISageMakerClient _client;
        private readonly SageMakerResourceResolver _resolver;
        private readonly IOperationReporter _reporter;

        public SageMakerResourceSelector(ISageMakerClient client, IOperationReporter? reporter = null, SageMakerResourceResolver? resolver = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _resolver = resolver ?? new SageMakerResourceResolver(client);
            _reporter = reporter ?? NullOperationReporter.Instance;
        }

        /// <summary>List calls sent.</summary>
        public int ListRequests { get; private set; }

        /// <summary>Checks the selection before any call: patterns that are not valid wildcards and statuses the kind does
        /// not have are <c>InvalidWildcardPattern</c> / <c>InvalidStatus</c>; returns the parsed patterns.</summary>
        public static IReadOnlyList<ResourceNamePattern> Validate(ResourceSelection selection)
        {
            if (selection is null) throw new ArgumentNullException(nameof(selection));
            ResourceStatuses.Normalize(selection.Type, selection.Statuses);
            var patterns = selection.Names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => ResourceNamePattern.Parse(n.Trim())).ToList();
            if (patterns.Any(p => p.IsWildcard) && !SageMakerResourceResolver.CanDescribe(selection.Type))
            {
                var pattern = patterns.First(p => p.IsWildcard);
                throw new MonitoringException("WildcardNotSupported", ErrorKind.InvalidArgument,
                    $"A {SageMakerResourceResolver.Spaced(selection.Type)} cannot be named with a wildcard ('{pattern.Text}'): SageMaker has no List call for it.", pattern.Text)
                {
                    RecommendedAction = "Give the full name.",
                };
            }
            return patterns;
        }

        /// <summary>The selected resources, in the order of the names and, per pattern, of the List call (oldest first).</summary>
        public async IAsyncEnumerable<SelectedResource> SelectAsync(ResourceSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var patterns = Validate(selection);
            var statuses = ResourceStatuses.Normalize(selection.Type, selection.Statuses);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pattern in patterns)
            {
                if (!pattern.IsWildcard)
                {
                    var resource = SageMakerResource.Create(selection.Type, pattern.Literal, selection.VariantName);
                    if (!seen.Add(resource.Name)) continue;
                    if (!selection.HasFilters || !SageMakerResourceResolver.CanDescribe(selection.Type))
                    {
                        yield return new SelectedResource(resource);
                        continue;
                    }
                    var description = await _resolver.TryDescribeAsync(resource, cancellationToken).ConfigureAwait(false);
                    if (description is null)
                    {
                        var failure = await _resolver.NotFoundAsync(resource, null, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
                        yield return new SelectedResource(resource) { Failure = failure };
                    }
                    else if (Passes(description.Status, description.CreationTime, selection.CreatedAfter, statuses))
                    {
                        yield return new SelectedResource(resource, description.Arn);
                    }
                    else
                    {
                        _reporter.Verbose($"Skipped {SageMakerResourceResolver.Spaced(selection.Type)} '{resource.Name}' ({description.Status}, created "
                            + $"{description.CreationTime:yyyy-MM-ddTHH:mm:ssZ}): outside {Describe(selection, statuses)}.");
                    }
                    continue;
                }

                var filter = new SageMakerListFilter(SageMakerResourceResolver.ListOf(selection.Type)!.Value)
                {
                    NameContains = pattern.NameContains,
                    CreatedAfter = selection.CreatedAfter,
                    StatusEquals = statuses.Count == 1 ? statuses[0] : null,
                };
                var matched = 0;
                // NameContains is a case-sensitive substring (moto, the emulator), while the pattern matches as -like
                // does, ignoring case: when the narrowed list matched nothing and the filter has letters, the kind is
                // listed once more without it, so a pattern that differs from the names only in case still finds them.
                var listings = pattern.NameContains != null && pattern.NameContains.Any(char.IsLetter)
                    ? new[] { filter, filter with { NameContains = null } }
                    : new[] { filter };
                foreach (var listFilter in listings)
                {
                    if (matched > 0) break;
                    string? token = null;
                    do
                    {
                        ListRequests++;
                        var page = await _client.ListSummariesAsync(listFilter, token, cancellationToken).ConfigureAwait(false);
                        foreach (var item in page.Items)
                        {
                            if (!pattern.IsMatch(item.Name) || !Passes(item.Status, item.CreationTime, selection.CreatedAfter, statuses)) continue;
                            matched++;
                            if (seen.Add(item.Name)) yield return new SelectedResource(SageMakerResource.Create(selection.Type, item.Name, selection.VariantName), item.Arn);
                        }
                        token = page.NextToken;
                    }
                    while (token != null);
                }
                if (matched == 0)
                {
                    var filters = selection.HasFilters ? " within " + Describe(selection, statuses) : "";
                    _reporter.Warning($"No {SageMakerResourceResolver.Spaced(selection.Type)} name matches '{pattern.Text}'{filters} in this account and region.");
                }
            }
        }

        /// <summary>
        /// For cmdlets that read one resource: the one resource the selection names. A pattern matching more than one is
        /// <c>MoreThanOneResource</c> (InvalidArgument, naming the first matches); matching none is null (after the
        /// selector's warning); a plain name SageMaker does not know is its <c>&lt;Kind&gt;NotFound</c>.
        /// </summary>
        public async Task<SageMakerResource?> SelectOneAsync(ResourceSelection selection, CancellationToken cancellationToken)
        {
            var found = new List<SelectedResource>();
            await foreach (var item in SelectAsync(selection, cancellationToken).ConfigureAwait(false))
            {
                if (item.Failure != null) throw item.Failure;
                found.Add(item);
                if (found.Count > 3) break;
            }
            if (found.Count > 1)
            {
                var names = string.Join(", ", found.Take(3).Select(f => f.Resource.Name)) + (found.Count > 3 ? ", ..." : "");
                throw new MonitoringException("MoreThanOneResource", ErrorKind.InvalidArgument,
                    $"{selection} names more than one {SageMakerResourceResolver.Spaced(selection.Type)} ({names}); this command reads one.", selection.ToString())
                {
                    RecommendedAction = "Give one full name, or a pattern that matches exactly one.",
                };
            }
            return found.Count == 1 ? found[0].Resource : null;
        }

        private static bool Passes(string? status, DateTime? created, DateTime? createdAfter, IReadOnlyList<string> statuses)
        {
            if (statuses.Count > 0 && (status is null || !statuses.Contains(status, StringComparer.OrdinalIgnoreCase))) return false;
            if (createdAfter is DateTime after && (created is null || created.Value.ToUniversalTime() <= after.ToUniversalTime())) return false;
            return true;
        }

        private static string Describe(ResourceSelection selection, IReadOnlyList<string> statuses)
        {
            var parts = new List<string>();
            if (statuses.Count > 0) parts.Add("-Status " + string.Join(",", statuses));
            if (selection.CreatedAfter is DateTime after) parts.Add($"-CreatedAfter {after.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}");
            return string.Join(" and ", parts);
        }
    }
}
