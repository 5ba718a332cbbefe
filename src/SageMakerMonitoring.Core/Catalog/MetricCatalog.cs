using System;
using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// The CloudWatch metrics SageMaker publishes, per kind of resource: namespaces, dimension layouts, units, valid
    /// statistics and the default metric sets. Data, not logic: services look things up here.
    /// </summary>
    public static class MetricCatalog
    {
        public const string TrainingJobsNamespace = "/aws/sagemaker/TrainingJobs";
        public const string ProcessingJobsNamespace = "/aws/sagemaker/ProcessingJobs";
        public const string TransformJobsNamespace = "/aws/sagemaker/TransformJobs";
        public const string InvocationNamespace = "AWS/SageMaker";
        public const string EndpointInstanceNamespace = "/aws/sagemaker/Endpoints";
        public const string InferenceComponentNamespace = "/aws/sagemaker/InferenceComponents";

        public const string HostDimension = "Host";
        public const string EndpointNameDimension = "EndpointName";
        public const string VariantNameDimension = "VariantName";
        public const string ContainerNameDimension = "ContainerName";
        public const string InstanceIdDimension = "InstanceId";
        public const string InferenceComponentNameDimension = "InferenceComponentName";

        private static readonly string[] All = { "Average", "Sum", "Minimum", "Maximum", "SampleCount" };
        private static readonly string[] SumOnly = { "Sum" };
        private static readonly string[] AverageSum = { "Average", "Sum" };
        private static readonly string[] Utilization = { "Average", "Minimum", "Maximum", "SampleCount" };
        private static readonly string[] AverageMinMax = { "Average", "Minimum", "Maximum" };
        private static readonly string[] MinMax = { "Maximum", "Minimum" };

        private static readonly IReadOnlyList<SageMakerMetricDefinition> Definitions = Build();

        /// <summary>Every metric the catalog knows.</summary>
        public static IReadOnlyList<SageMakerMetricDefinition> Metrics => Definitions;

        /// <summary>The metrics of one kind of resource.</summary>
        public static IEnumerable<SageMakerMetricDefinition> For(SageMakerResourceType type) => Definitions.Where(d => d.ResourceType == type);

        /// <summary>What a user gets without -MetricName: a job's utilization metrics, an endpoint's invocation and latency metrics.</summary>
        public static IEnumerable<SageMakerMetricDefinition> DefaultsFor(SageMakerResourceType type) => For(type).Where(d => d.IsDefault);

        /// <summary>The definitions of a metric name for a kind of resource (an endpoint name can match both namespaces), case-insensitive.</summary>
        public static IEnumerable<SageMakerMetricDefinition> Find(SageMakerResourceType type, string metricName) =>
            For(type).Where(d => string.Equals(d.MetricName, metricName, StringComparison.OrdinalIgnoreCase));

        /// <summary>The definition of a metric in a given namespace, if the catalog knows it.</summary>
        public static SageMakerMetricDefinition? Find(SageMakerResourceType type, string metricNamespace, string metricName) =>
            For(type).FirstOrDefault(d => d.Namespace == metricNamespace && string.Equals(d.MetricName, metricName, StringComparison.OrdinalIgnoreCase));

        /// <summary>Any definition of the metric in the namespace, whatever the resource type.</summary>
        public static SageMakerMetricDefinition? FindInNamespace(string metricNamespace, string metricName) =>
            Definitions.FirstOrDefault(d => d.Namespace == metricNamespace && string.Equals(d.MetricName, metricName, StringComparison.OrdinalIgnoreCase));

        /// <summary>The namespaces a kind of resource publishes to, in the order they are searched.</summary>
        public static IReadOnlyList<string> NamespacesFor(SageMakerResourceType type) => For(type).Select(d => d.Namespace).Distinct().ToList();

        /// <summary>The prefix every Host dimension value of a job starts with.</summary>
        public static string HostPrefix(string jobName) => jobName + "/";

        /// <summary>The resource type whose metrics live in the namespace (jobs only: their namespaces are exclusive).</summary>
        public static SageMakerResourceType? JobTypeOfNamespace(string metricNamespace)
        {
            switch (metricNamespace)
            {
                case TrainingJobsNamespace: return SageMakerResourceType.TrainingJob;
                case ProcessingJobsNamespace: return SageMakerResourceType.ProcessingJob;
                case TransformJobsNamespace: return SageMakerResourceType.TransformJob;
                default: return null;
            }
        }

        private static IReadOnlyList<SageMakerMetricDefinition> Build()
        {
            var list = new List<SageMakerMetricDefinition>();

            void Job(SageMakerResourceType type, string ns, bool disk)
            {
                list.Add(new SageMakerMetricDefinition(type, ns, "CPUUtilization", MetricDimensionLayout.Host, "Percent", Utilization, true, true,
                    "Sum of per-core CPU utilization of the host (0-100 x vCPUs)."));
                list.Add(new SageMakerMetricDefinition(type, ns, "MemoryUtilization", MetricDimensionLayout.Host, "Percent", Utilization, true, true,
                    "Share of the host's memory used by the containers (0-100)."));
                list.Add(new SageMakerMetricDefinition(type, ns, "GPUUtilization", MetricDimensionLayout.Host, "Percent", Utilization, true, true,
                    "Sum of per-GPU utilization of the host (0-100 x GPUs)."));
                list.Add(new SageMakerMetricDefinition(type, ns, "GPUMemoryUtilization", MetricDimensionLayout.Host, "Percent", Utilization, true, true,
                    "Sum of per-GPU memory utilization of the host (0-100 x GPUs)."));
                if (disk)
                {
                    list.Add(new SageMakerMetricDefinition(type, ns, "DiskUtilization", MetricDimensionLayout.Host, "Percent", Utilization, true, true,
                        "Share of the host's disk used by the containers (0-100)."));
                }
            }

            Job(SageMakerResourceType.TrainingJob, TrainingJobsNamespace, disk: true);
            Job(SageMakerResourceType.ProcessingJob, ProcessingJobsNamespace, disk: true);
            Job(SageMakerResourceType.TransformJob, TransformJobsNamespace, disk: false);

            void Invocation(SageMakerResourceType type, MetricDimensionLayout layout, string name, string unit, string[] stats, bool pct, bool isDefault, string description) =>
                list.Add(new SageMakerMetricDefinition(type, InvocationNamespace, name, layout, unit, stats, pct, isDefault, description));

            const SageMakerResourceType ep = SageMakerResourceType.Endpoint;
            const MetricDimensionLayout ev = MetricDimensionLayout.EndpointVariant;
            Invocation(ep, ev, "Invocations", "None", SumOnly, false, true, "InvokeEndpoint requests sent to the variant.");
            Invocation(ep, ev, "InvocationsPerInstance", "None", SumOnly, false, false, "Invocations divided by the variant's instance count at request time.");
            Invocation(ep, ev, "Invocation4XXErrors", "None", AverageSum, false, true, "Requests the model answered with 4xx (Average = rate, Sum = count).");
            Invocation(ep, ev, "Invocation5XXErrors", "None", AverageSum, false, true, "Requests the model answered with 5xx (Average = rate, Sum = count).");
            Invocation(ep, ev, "InvocationModelErrors", "None", AverageSum, false, true, "Requests whose model call did not give 2xx.");
            Invocation(ep, ev, "ModelLatency", "Microseconds", All, true, true, "Time the model container took to respond, as seen by SageMaker.");
            Invocation(ep, ev, "OverheadLatency", "Microseconds", All, false, true, "Time SageMaker added on top of ModelLatency.");
            Invocation(ep, ev, "ModelSetupTime", "Microseconds", new[] { "Average", "Minimum", "Maximum", "SampleCount" }, true, false, "Serverless: time to launch new compute.");
            Invocation(ep, ev, "MidStreamErrors", "None", AverageSum, false, false, "Errors after the first part of a streamed response was sent.");
            Invocation(ep, ev, "FirstChunkLatency", "Microseconds", All, true, false, "Streaming: arrival to first chunk sent.");
            Invocation(ep, ev, "FirstChunkModelLatency", "Microseconds", All, true, false, "Streaming: container time to first byte.");
            Invocation(ep, ev, "FirstChunkOverheadLatency", "Microseconds", All, true, false, "Streaming: FirstChunkLatency minus FirstChunkModelLatency.");
            Invocation(ep, ev, "ModelLoadingWaitTime", "Microseconds", All, false, false, "Multi-model: time a request waited for its model to load.");
            Invocation(ep, ev, "ModelUnloadingTime", "Microseconds", All, false, false, "Multi-model: time to unload a model.");
            Invocation(ep, ev, "ModelDownloadingTime", "Microseconds", All, false, false, "Multi-model: time to download a model from S3.");
            Invocation(ep, ev, "ModelLoadingTime", "Microseconds", All, false, false, "Multi-model: time to load a model.");
            Invocation(ep, ev, "ModelCacheHit", "None", new[] { "Average", "Sum", "SampleCount" }, false, false, "Multi-model: requests served by an already loaded model.");
            Invocation(ep, ev, "RequestDownloadFailures", "Count", SumOnly, false, false, "Asynchronous: failed downloads of request payloads.");
            Invocation(ep, ev, "ResponseUploadFailures", "Count", SumOnly, false, false, "Asynchronous: failed uploads of responses.");
            Invocation(ep, ev, "NotificationFailures", "Count", SumOnly, false, false, "Asynchronous: failed notifications.");
            Invocation(ep, ev, "RequestDownloadLatency", "Microseconds", All, false, false, "Asynchronous: time to download request payloads.");
            Invocation(ep, ev, "ResponseUploadLatency", "Microseconds", All, false, false, "Asynchronous: time to upload responses.");
            Invocation(ep, ev, "ExpiredRequests", "Count", SumOnly, false, false, "Asynchronous: requests that expired in the queue.");
            Invocation(ep, ev, "InvocationFailures", "Count", SumOnly, false, false, "Asynchronous: failed invocations.");
            Invocation(ep, ev, "TimeInBacklog", "Milliseconds", All, false, false, "Asynchronous: time requests waited in the queue.");
            Invocation(ep, ev, "TotalProcessingTime", "Milliseconds", All, false, false, "Asynchronous: time from receipt to response upload.");
            Invocation(ep, ev, "ServerlessConcurrentExecutionsUtilization", "None", AverageMinMax, false, false, "Serverless: concurrent executions over maximum concurrency.");
            Invocation(ep, ev, "ServerlessProvisionedConcurrencyExecutions", "Count", AverageMinMax, false, false, "Serverless: executions served by provisioned concurrency.");
            Invocation(ep, ev, "ServerlessProvisionedConcurrencyUtilization", "None", AverageMinMax, false, false, "Serverless: provisioned concurrency in use.");
            Invocation(ep, ev, "ServerlessProvisionedConcurrencyInvocations", "Count", AverageMinMax, false, false, "Serverless: invocations served by provisioned concurrency.");
            Invocation(ep, ev, "ServerlessProvisionedConcurrencySpilloverInvocations", "Count", AverageMinMax, false, false, "Serverless: invocations beyond provisioned concurrency.");
            Invocation(ep, MetricDimensionLayout.EndpointVariantContainer, "ContainerLatency", "Microseconds", All, false, false, "Inference pipelines: latency of one container.");
            Invocation(ep, MetricDimensionLayout.Endpoint, "ApproximateBacklogSize", "Count", AverageMinMax, false, false, "Asynchronous: requests queued.");
            Invocation(ep, MetricDimensionLayout.Endpoint, "ApproximateBacklogSizePerInstance", "Count", AverageMinMax, false, false, "Asynchronous: queued requests per instance.");
            Invocation(ep, MetricDimensionLayout.Endpoint, "ApproximateAgeOfOldestRequest", "Seconds", AverageMinMax, false, false, "Asynchronous: age of the oldest queued request.");
            Invocation(ep, MetricDimensionLayout.Endpoint, "HasBacklogWithoutCapacity", "Count", new[] { "Average" }, false, false, "Asynchronous: 1 while requests wait and no instance runs.");

            void Instance(SageMakerResourceType type, string ns, MetricDimensionLayout layout, string name, string description) =>
                list.Add(new SageMakerMetricDefinition(type, ns, name, layout, "Percent", Utilization, true, false, description));

            Instance(ep, EndpointInstanceNamespace, ev, "CPUUtilization", "Sum of per-core CPU utilization over the variant's instances' containers.");
            Instance(ep, EndpointInstanceNamespace, ev, "MemoryUtilization", "Share of instance memory used by the containers.");
            Instance(ep, EndpointInstanceNamespace, ev, "DiskUtilization", "Share of instance disk used by the containers.");
            Instance(ep, EndpointInstanceNamespace, ev, "GPUUtilization", "Sum of per-GPU utilization.");
            Instance(ep, EndpointInstanceNamespace, ev, "GPUMemoryUtilization", "Sum of per-GPU memory utilization.");
            Instance(ep, EndpointInstanceNamespace, ev, "CPUUtilizationNormalized", "CPUUtilization divided by the vCPU count (inference components).");
            Instance(ep, EndpointInstanceNamespace, ev, "GPUUtilizationNormalized", "GPUUtilization divided by the GPU count (inference components).");
            Instance(ep, EndpointInstanceNamespace, ev, "GPUMemoryUtilizationNormalized", "GPUMemoryUtilization divided by the GPU count (inference components).");
            Instance(ep, EndpointInstanceNamespace, ev, "CPUReservation", "Share of vCPUs reserved by inference components.");
            Instance(ep, EndpointInstanceNamespace, ev, "GPUReservation", "Share of GPUs reserved by inference components.");
            Instance(ep, EndpointInstanceNamespace, ev, "MemoryReservation", "Share of memory reserved by inference components.");
            list.Add(new SageMakerMetricDefinition(ep, EndpointInstanceNamespace, "LoadedModelCount", ev, "None", All, false, false, "Multi-model: models loaded in the containers."));

            const SageMakerResourceType ic = SageMakerResourceType.InferenceComponent;
            const MetricDimensionLayout icl = MetricDimensionLayout.InferenceComponent;
            Invocation(ic, icl, "Invocations", "None", SumOnly, false, true, "InvokeEndpoint requests sent to the inference component.");
            Invocation(ic, icl, "InvocationsPerCopy", "None", SumOnly, false, false, "Invocations normalized per copy.");
            Invocation(ic, icl, "Invocation4XXErrors", "None", AverageSum, false, true, "Requests the model answered with 4xx.");
            Invocation(ic, icl, "Invocation5XXErrors", "None", AverageSum, false, true, "Requests the model answered with 5xx.");
            Invocation(ic, icl, "InvocationModelErrors", "None", AverageSum, false, true, "Requests whose model call did not give 2xx.");
            Invocation(ic, icl, "ModelLatency", "Microseconds", All, true, true, "Time the model container took to respond.");
            Invocation(ic, icl, "OverheadLatency", "Microseconds", All, false, true, "Time SageMaker added on top of ModelLatency.");
            Invocation(ic, icl, "ConcurrentRequestsPerCopy", "None", MinMax, false, false, "Concurrent requests per copy.");
            Instance(ic, InferenceComponentNamespace, icl, "CPUUtilizationNormalized", "CPU utilization per copy, relative to its reservation or limit.");
            Instance(ic, InferenceComponentNamespace, icl, "GPUUtilizationNormalized", "GPU utilization per copy, relative to its reservation or limit.");
            Instance(ic, InferenceComponentNamespace, icl, "GPUMemoryUtilizationNormalized", "GPU memory utilization per copy.");
            Instance(ic, InferenceComponentNamespace, icl, "MemoryUtilizationNormalized", "Memory utilization per copy, relative to its reservation or limit.");
            return list;
        }
    }
}
