using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>The SageMaker Describe calls the module needs (times, status, sizes). Unknown names raise
    /// <see cref="AwsServiceException"/> with the service's own error code.</summary>
    public interface ISageMakerClient
    {
        Task<SageMakerJobDescription> DescribeTrainingJobAsync(string name, CancellationToken cancellationToken);
        Task<SageMakerJobDescription> DescribeProcessingJobAsync(string name, CancellationToken cancellationToken);
        Task<SageMakerJobDescription> DescribeTransformJobAsync(string name, CancellationToken cancellationToken);
        Task<EndpointDescription> DescribeEndpointAsync(string name, CancellationToken cancellationToken);
        Task<NotebookInstanceDescription> DescribeNotebookInstanceAsync(string name, CancellationToken cancellationToken);
        Task<InferenceComponentDescription> DescribeInferenceComponentAsync(string name, CancellationToken cancellationToken);
        /// <summary>DescribeEndpointConfig: each production variant's instance type and initial count (what DescribeEndpoint does not say).</summary>
        Task<EndpointConfigDescription> DescribeEndpointConfigAsync(string name, CancellationToken cancellationToken);

        /// <summary>One page of names from ListTrainingJobs, ListEndpoints, ... (newest first), narrowed by the service's
        /// <c>NameContains</c> filter (letters, digits and hyphens only; null lists every name).</summary>
        Task<SageMakerNamePage> ListNamesAsync(SageMakerNameList list, string? nameContains, string? nextToken, CancellationToken cancellationToken);

        /// <summary>One page of a List* call with its filters (NameContains, CreationTimeAfter, StatusEquals), oldest
        /// first, 100 per page: each summary's name, ARN, status and creation time.</summary>
        Task<SageMakerSummaryPage> ListSummariesAsync(SageMakerListFilter filter, string? nextToken, CancellationToken cancellationToken);
    }

    /// <summary>The filters of one List* call. <see cref="NameContains"/> must already be what the service accepts
    /// ([a-zA-Z0-9-], 1-63 characters); an invalid one is left out.</summary>
    public sealed record SageMakerListFilter(SageMakerNameList List)
    {
        public string? NameContains { get; init; }
        /// <summary>CreationTimeAfter (UTC).</summary>
        public DateTime? CreatedAfter { get; init; }
        /// <summary>StatusEquals: one value of the kind's status enum.</summary>
        public string? StatusEquals { get; init; }
    }

    /// <summary>The members of a List* summary the module reads.</summary>
    public sealed record SageMakerResourceSummary(string Name, string? Arn, string? Status, DateTime? CreationTime);

    /// <summary>Summaries of one List* page and the token of the next (null on the last page).</summary>
    public sealed record SageMakerSummaryPage(IReadOnlyList<SageMakerResourceSummary> Items, string? NextToken);

    /// <summary>The SageMaker List* calls that take <c>NameContains</c>.</summary>
    public enum SageMakerNameList
    {
        TrainingJobs,
        ProcessingJobs,
        TransformJobs,
        Endpoints,
        NotebookInstances,
        InferenceComponents,
    }

    /// <summary>Names of one List* page and the token of the next (null on the last page).</summary>
    public sealed record SageMakerNamePage(IReadOnlyList<string> Names, string? NextToken);

    public sealed class InferenceComponentDescription
    {
        public string Name { get; set; } = "";
        public string? Arn { get; set; }
        public string Status { get; set; } = "";
        public string? EndpointName { get; set; }
        public string? VariantName { get; set; }
        public string? FailureReason { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
    }

    /// <summary>Training, processing or transform job.</summary>
    public sealed class SageMakerJobDescription
    {
        public string Name { get; set; } = "";
        public string? Arn { get; set; }
        /// <summary>InProgress, Completed, Failed, Stopping, Stopped (Deleting for training).</summary>
        public string Status { get; set; } = "";
        public string? SecondaryStatus { get; set; }
        public string? FailureReason { get; set; }
        public DateTime? CreationTime { get; set; }
        /// <summary>TrainingStartTime / ProcessingStartTime / TransformStartTime.</summary>
        public DateTime? StartTime { get; set; }
        /// <summary>TrainingEndTime / ProcessingEndTime / TransformEndTime.</summary>
        public DateTime? EndTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
        public int? InstanceCount { get; set; }
        public string? InstanceType { get; set; }
        /// <summary>Heterogeneous clusters (ResourceConfig.InstanceGroups): each group's name, type and count; empty otherwise.</summary>
        public IReadOnlyList<InstanceGroupDescription> InstanceGroups { get; set; } = Array.Empty<InstanceGroupDescription>();
        /// <summary>Training jobs: ProfilerConfig.S3OutputPath (where Debugger writes system data), null without one.</summary>
        public string? ProfilerS3OutputPath { get; set; }
        /// <summary>Training jobs: ProfilerConfig.ProfilingIntervalInMilliseconds (AWS default 500).</summary>
        public long? ProfilingIntervalInMilliseconds { get; set; }
        /// <summary>Training jobs: ProfilerConfig.DisableProfiler.</summary>
        public bool ProfilerDisabled { get; set; }
        /// <summary>Training jobs: ProfilingStatus (Enabled, Disabled), null when absent.</summary>
        public string? ProfilingStatus { get; set; }
        /// <summary>True for Completed, Failed, Stopped.</summary>
        public bool IsTerminal => Status == "Completed" || Status == "Failed" || Status == "Stopped";
    }

    public sealed record InstanceGroupDescription(string? Name, string? InstanceType, int InstanceCount);

    public sealed class EndpointDescription
    {
        public string Name { get; set; } = "";
        public string? Arn { get; set; }
        public string Status { get; set; } = "";
        public string? EndpointConfigName { get; set; }
        public string? FailureReason { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
        public IReadOnlyList<EndpointVariantDescription> Variants { get; set; } = Array.Empty<EndpointVariantDescription>();
    }

    public sealed record EndpointVariantDescription(string VariantName, int? CurrentInstanceCount, int? DesiredInstanceCount);

    /// <summary>DescribeEndpointConfig's answer: the configuration's name and its production variants.</summary>
    public sealed class EndpointConfigDescription
    {
        public string Name { get; set; } = "";
        public string? Arn { get; set; }
        public DateTime? CreationTime { get; set; }
        public IReadOnlyList<EndpointConfigVariantDescription> Variants { get; set; } = Array.Empty<EndpointConfigVariantDescription>();
    }

    /// <summary>
    /// One ProductionVariants[] entry: InstanceType and InitialInstanceCount (absent for serverless variants, which carry
    /// a ServerlessConfig instead), and the instance types of its InstancePools (heterogeneous variants), if any.
    /// </summary>
    public sealed record EndpointConfigVariantDescription(string VariantName, string? InstanceType, int? InitialInstanceCount, bool IsServerless,
        IReadOnlyList<string> InstancePoolTypes);

    public sealed class NotebookInstanceDescription
    {
        public string Name { get; set; } = "";
        public string? Arn { get; set; }
        public string Status { get; set; } = "";
        public string? LifecycleConfigName { get; set; }
        public string? InstanceType { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? LastModifiedTime { get; set; }
        public string? FailureReason { get; set; }
    }
}
