using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// Where SageMaker writes logs (aws-facts §3.1): the log group of each resource type, how its stream names are
    /// laid out, and which stream-name prefix selects one resource.
    /// </summary>
    public static class LogLocationCatalog
    {
        public const string TrainingJobsGroup = "/aws/sagemaker/TrainingJobs";
        public const string ProcessingJobsGroup = "/aws/sagemaker/ProcessingJobs";
        public const string TransformJobsGroup = "/aws/sagemaker/TransformJobs";
        public const string EndpointsGroupPrefix = "/aws/sagemaker/Endpoints/";
        public const string NotebookInstancesGroup = "/aws/sagemaker/NotebookInstances";
        public const string StudioGroup = "/aws/sagemaker/studio";
        public const string LabelingJobsGroup = "/aws/sagemaker/LabelingJobs";
        public const string InferenceRecommendationsJobsGroup = "/aws/sagemaker/InferenceRecommendationsJobs";
        public const string CompilationJobsGroup = "/aws/sagemaker/CompilationJobs";
        public const string ClustersGroupPrefix = "/aws/sagemaker/Clusters/";

        /// <summary>Log groups with a fixed name, and the layout of their streams.</summary>
        private static readonly Dictionary<string, LogStreamLayout> FixedGroups = new Dictionary<string, LogStreamLayout>(StringComparer.Ordinal)
        {
            [TrainingJobsGroup] = LogStreamLayout.TrainingJob,
            [ProcessingJobsGroup] = LogStreamLayout.ProcessingJob,
            [TransformJobsGroup] = LogStreamLayout.TransformJob,
            [NotebookInstancesGroup] = LogStreamLayout.NotebookInstance,
            [StudioGroup] = LogStreamLayout.StudioApp,
            [LabelingJobsGroup] = LogStreamLayout.LabelingJob,
            [InferenceRecommendationsJobsGroup] = LogStreamLayout.InferenceRecommendationsJob,
            [CompilationJobsGroup] = LogStreamLayout.CompilationJob,
        };

        /// <summary>The log group of each resource type with one shared group, and whether the resource's name is a
        /// whole stream name (true) or the first path segment of its streams (false).</summary>
        private static readonly Dictionary<SageMakerResourceType, (string Group, LogStreamLayout Layout, bool NameIsWholeSegment)> SharedGroups =
            new Dictionary<SageMakerResourceType, (string, LogStreamLayout, bool)>
            {
                [SageMakerResourceType.TrainingJob] = (TrainingJobsGroup, LogStreamLayout.TrainingJob, false),
                [SageMakerResourceType.ProcessingJob] = (ProcessingJobsGroup, LogStreamLayout.ProcessingJob, false),
                [SageMakerResourceType.TransformJob] = (TransformJobsGroup, LogStreamLayout.TransformJob, false),
                [SageMakerResourceType.NotebookInstance] = (NotebookInstancesGroup, LogStreamLayout.NotebookInstance, false),
                [SageMakerResourceType.InferenceRecommendationsJob] = (InferenceRecommendationsJobsGroup, LogStreamLayout.InferenceRecommendationsJob, false),
                [SageMakerResourceType.LabelingJob] = (LabelingJobsGroup, LogStreamLayout.LabelingJob, true),
                [SageMakerResourceType.StudioApp] = (StudioGroup, LogStreamLayout.StudioApp, true),
            };

        /// <summary>The layout of the streams in <paramref name="logGroupName"/>.</summary>
        public static LogStreamLayout LayoutOf(string logGroupName)
        {
            if (logGroupName is null) throw new ArgumentNullException(nameof(logGroupName));
            if (FixedGroups.TryGetValue(logGroupName, out var layout)) return layout;
            if (logGroupName.StartsWith(EndpointsGroupPrefix, StringComparison.Ordinal) && logGroupName.Length > EndpointsGroupPrefix.Length
                && logGroupName.IndexOf('/', EndpointsGroupPrefix.Length) < 0)
                return LogStreamLayout.Endpoint;
            if (logGroupName.StartsWith(ClustersGroupPrefix, StringComparison.Ordinal) && logGroupName.Length > ClustersGroupPrefix.Length)
                return LogStreamLayout.Cluster;
            return LogStreamLayout.Unknown;
        }

        /// <summary>The log group of one endpoint.</summary>
        public static string EndpointGroup(string endpointName) => EndpointsGroupPrefix + endpointName;

        /// <summary>
        /// Where <paramref name="resource"/>'s logs are. For an endpoint with a variant the prefix selects that variant;
        /// for a Studio app the name is the path <c>domain-id/user-or-space[/app-type[/app-name]]</c>.
        /// </summary>
        public static LogLocation For(SageMakerResource resource)
        {
            if (resource is null) throw new ArgumentNullException(nameof(resource));
            if (SharedGroups.TryGetValue(resource.Type, out var shared))
            {
                var name = resource.Name.TrimEnd('/');
                return shared.NameIsWholeSegment
                    ? new LogLocation(shared.Group, name, shared.Layout, PrefixIsWholeSegment: true)
                    : new LogLocation(shared.Group, name + "/", shared.Layout);
            }

            switch (resource.Type)
            {
                case SageMakerResourceType.Endpoint:
                    return new LogLocation(EndpointGroup(resource.Name), resource.VariantName is null ? null : resource.VariantName + "/", LogStreamLayout.Endpoint);
                case SageMakerResourceType.Custom:
                    return new LogLocation(resource.Name, null, LayoutOf(resource.Name));
                default:
                    throw new MonitoringException("LogsNotAvailable", ErrorKind.InvalidArgument,
                        $"SageMaker writes no log group of its own for a {resource.Type}; its containers log to the endpoint that hosts it.", resource.Name)
                    {
                        RecommendedAction = "Use -EndpointName with the endpoint that hosts the inference component (and -VariantName to narrow).",
                    };
            }
        }
    }
}
