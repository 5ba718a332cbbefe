using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>Which SageMaker List* call: ListTrainingJobs, ListProcessingJobs, ListTransformJobs, ListEndpoints,
    /// ListNotebookInstances.</summary>
    public enum SageMakerListKind
    {
        TrainingJobs,
        ProcessingJobs,
        TransformJobs,
        Endpoints,
        NotebookInstances,
    }

    /// <summary>One page of resource names, newest first, and the token of the next page.</summary>
    public sealed record SageMakerNamePage(IReadOnlyList<string> Names, string? NextToken);

    /// <summary>The SageMaker List* calls (names only, newest first), for Tab completion and name suggestions. The
    /// factory's SageMaker client implements it.</summary>
    public interface ISageMakerResourceLister
    {
        /// <summary>One page of names containing <paramref name="nameContains"/> (SageMaker's NameContains filter:
        /// letters, digits and hyphens only; anything else lists without a filter).</summary>
        Task<SageMakerNamePage> ListNamesAsync(SageMakerListKind kind, string? nameContains, int? maxResults, string? nextToken, CancellationToken cancellationToken);
    }
}
