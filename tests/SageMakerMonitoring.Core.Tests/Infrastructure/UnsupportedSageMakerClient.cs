using System;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>A SageMaker client double whose every call fails as unexpected; a test's double overrides the calls it
    /// scripts.</summary>
    internal abstract class UnsupportedSageMakerClient : ISageMakerClient
    {
        public virtual Task<SageMakerJobDescription> DescribeTrainingJobAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<SageMakerJobDescription> DescribeProcessingJobAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<SageMakerJobDescription> DescribeTransformJobAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<EndpointDescription> DescribeEndpointAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<NotebookInstanceDescription> DescribeNotebookInstanceAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<InferenceComponentDescription> DescribeInferenceComponentAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<EndpointConfigDescription> DescribeEndpointConfigAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<SageMakerNamePage> ListNamesAsync(SageMakerNameList list, string? nameContains, string? nextToken, CancellationToken cancellationToken) => throw new NotSupportedException();
        public virtual Task<SageMakerSummaryPage> ListSummariesAsync(SageMakerListFilter filter, string? nextToken, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
