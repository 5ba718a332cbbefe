using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>One resource a selection named: the resource, its ARN when SageMaker gave one (listed or described), or
    /// the failure of a plain name SageMaker does not know (<c>&lt;Kind&gt;NotFound</c>, one item's error).</summary>
    public sealed record SelectedResource(SageMakerResource Resource, string? Arn = null)
    {
        public MonitoringException? Failure { get; init; }
    }
}
