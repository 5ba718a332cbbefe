using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.SageMaker
{
    /// <summary>SageMaker Describe calls over awsJson 1.1 (target prefix SageMaker, endpoint api.sagemaker.{region}).</summary>
    internal sealed partial class SageMakerClient : JsonServiceClient, ISageMakerClient
    {
        private static readonly JsonOperationUnmarshaller<SageMakerJobDescription> TrainingJobOutput =
            new JsonOperationUnmarshaller<SageMakerJobDescription>(ServiceDescriptor.SageMaker, ReadTrainingJob);
        private static readonly JsonOperationUnmarshaller<SageMakerJobDescription> ProcessingJobOutput =
            new JsonOperationUnmarshaller<SageMakerJobDescription>(ServiceDescriptor.SageMaker, ReadProcessingJob);
        private static readonly JsonOperationUnmarshaller<SageMakerJobDescription> TransformJobOutput =
            new JsonOperationUnmarshaller<SageMakerJobDescription>(ServiceDescriptor.SageMaker, ReadTransformJob);
        private static readonly JsonOperationUnmarshaller<EndpointDescription> EndpointOutput =
            new JsonOperationUnmarshaller<EndpointDescription>(ServiceDescriptor.SageMaker, ReadEndpoint);
        private static readonly JsonOperationUnmarshaller<EndpointConfigDescription> EndpointConfigOutput =
            new JsonOperationUnmarshaller<EndpointConfigDescription>(ServiceDescriptor.SageMaker, ReadEndpointConfig);
        private static readonly JsonOperationUnmarshaller<NotebookInstanceDescription> NotebookOutput =
            new JsonOperationUnmarshaller<NotebookInstanceDescription>(ServiceDescriptor.SageMaker, ReadNotebookInstance);

        public SageMakerClient(AWSCredentials? credentials, SageMakerConfig config, string region, Action<AwsCallRecord>? callLogger)
            : base(credentials, config, region, callLogger)
        {
        }

        public Task<SageMakerJobDescription> DescribeTrainingJobAsync(string name, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeTrainingJob", writer => writer.WriteString("TrainingJobName", name), TrainingJobOutput, cancellationToken);
        }

        public Task<SageMakerJobDescription> DescribeProcessingJobAsync(string name, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeProcessingJob", writer => writer.WriteString("ProcessingJobName", name), ProcessingJobOutput, cancellationToken);
        }

        public Task<SageMakerJobDescription> DescribeTransformJobAsync(string name, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeTransformJob", writer => writer.WriteString("TransformJobName", name), TransformJobOutput, cancellationToken);
        }

        public Task<EndpointDescription> DescribeEndpointAsync(string name, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeEndpoint", writer => writer.WriteString("EndpointName", name), EndpointOutput, cancellationToken);
        }

        public Task<EndpointConfigDescription> DescribeEndpointConfigAsync(string name, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeEndpointConfig", writer => writer.WriteString("EndpointConfigName", name), EndpointConfigOutput, cancellationToken);
        }

        public Task<NotebookInstanceDescription> DescribeNotebookInstanceAsync(string name, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeNotebookInstance", writer => writer.WriteString("NotebookInstanceName", name), NotebookOutput, cancellationToken);
        }

        internal static SageMakerJobDescription ReadTrainingJob(ref Utf8JsonReader reader)
        {
            return ReadJob(ref reader, JobShape.Training);
        }

        internal static SageMakerJobDescription ReadProcessingJob(ref Utf8JsonReader reader)
        {
            return ReadJob(ref reader, JobShape.Processing);
        }

        internal static SageMakerJobDescription ReadTransformJob(ref Utf8JsonReader reader)
        {
            return ReadJob(ref reader, JobShape.Transform);
        }

        private static SageMakerJobDescription ReadJob(ref Utf8JsonReader reader, JobShape shape)
        {
            var job = new SageMakerJobDescription();
            if (!JsonOutput.StartObject(ref reader)) return job;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals(shape.Name)) { reader.Read(); job.Name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals(shape.Arn)) { reader.Read(); job.Arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals(shape.Status)) { reader.Read(); job.Status = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals(shape.StartTime)) { reader.Read(); job.StartTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals(shape.EndTime)) { reader.Read(); job.EndTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("SecondaryStatus")) { reader.Read(); job.SecondaryStatus = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("FailureReason")) { reader.Read(); job.FailureReason = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("CreationTime")) { reader.Read(); job.CreationTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("LastModifiedTime")) { reader.Read(); job.LastModifiedTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("ProfilerConfig")) { reader.Read(); ReadProfilerConfig(ref reader, job); }
                else if (reader.ValueTextEquals("ProfilingStatus")) { reader.Read(); job.ProfilingStatus = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals(shape.Resources))
                {
                    reader.Read();
                    ReadResources(ref reader, job, shape.ResourcesNested);
                }
                else { reader.Read(); reader.Skip(); }
            }
            return job;
        }

        /// <summary>ResourceConfig / TransformResources {InstanceType, InstanceCount, InstanceGroups[]} or
        /// ProcessingResources {ClusterConfig {InstanceType, InstanceCount}}.</summary>
        private static void ReadResources(ref Utf8JsonReader reader, SageMakerJobDescription job, string? nested)
        {
            if (!JsonOutput.IsObject(ref reader)) return;
            int? groupCount = null;
            string? groupType = null;
            var groups = new List<InstanceGroupDescription>();
            while (JsonOutput.NextProperty(ref reader))
            {
                if (nested != null && reader.ValueTextEquals(nested))
                {
                    reader.Read();
                    ReadResources(ref reader, job, null);
                }
                else if (reader.ValueTextEquals("InstanceType")) { reader.Read(); job.InstanceType = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("InstanceCount")) { reader.Read(); job.InstanceCount = JsonOutput.NullableInt32(ref reader); }
                else if (reader.ValueTextEquals("InstanceGroups"))
                {
                    // Heterogeneous clusters: the job's size is the sum of its groups.
                    reader.Read();
                    if (!JsonOutput.IsArray(ref reader)) continue;
                    while (JsonOutput.NextElement(ref reader))
                    {
                        if (!JsonOutput.IsObject(ref reader)) continue;
                        string? name = null, type = null;
                        var count = 0;
                        while (JsonOutput.NextProperty(ref reader))
                        {
                            if (reader.ValueTextEquals("InstanceCount")) { reader.Read(); count = JsonOutput.NullableInt32(ref reader) ?? 0; groupCount = (groupCount ?? 0) + count; }
                            else if (reader.ValueTextEquals("InstanceType")) { reader.Read(); type = JsonOutput.String(ref reader); groupType ??= type; }
                            else if (reader.ValueTextEquals("InstanceGroupName")) { reader.Read(); name = JsonOutput.String(ref reader); }
                            else { reader.Read(); reader.Skip(); }
                        }
                        groups.Add(new InstanceGroupDescription(name, type, count));
                    }
                }
                else { reader.Read(); reader.Skip(); }
            }
            if ((job.InstanceCount ?? 0) == 0 && groupCount.HasValue)
            {
                job.InstanceCount = groupCount;
            }
            job.InstanceType ??= groupType;
            if (groups.Count > 0) job.InstanceGroups = groups;
        }

        /// <summary>ProfilerConfig {S3OutputPath, ProfilingIntervalInMilliseconds, ProfilingParameters, DisableProfiler}.</summary>
        private static void ReadProfilerConfig(ref Utf8JsonReader reader, SageMakerJobDescription job)
        {
            if (!JsonOutput.IsObject(ref reader)) return;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("S3OutputPath")) { reader.Read(); job.ProfilerS3OutputPath = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("ProfilingIntervalInMilliseconds")) { reader.Read(); job.ProfilingIntervalInMilliseconds = JsonOutput.NullableInt64(ref reader); }
                else if (reader.ValueTextEquals("DisableProfiler")) { reader.Read(); job.ProfilerDisabled = reader.TokenType == JsonTokenType.True; }
                else { reader.Read(); reader.Skip(); }
            }
        }

        internal static EndpointDescription ReadEndpoint(ref Utf8JsonReader reader)
        {
            var endpoint = new EndpointDescription();
            if (!JsonOutput.StartObject(ref reader)) return endpoint;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("EndpointName")) { reader.Read(); endpoint.Name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("EndpointArn")) { reader.Read(); endpoint.Arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("EndpointStatus")) { reader.Read(); endpoint.Status = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("EndpointConfigName")) { reader.Read(); endpoint.EndpointConfigName = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("FailureReason")) { reader.Read(); endpoint.FailureReason = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("CreationTime")) { reader.Read(); endpoint.CreationTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("LastModifiedTime")) { reader.Read(); endpoint.LastModifiedTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("ProductionVariants"))
                {
                    reader.Read();
                    endpoint.Variants = JsonOutput.ObjectList(ref reader, ReadVariant);
                }
                else { reader.Read(); reader.Skip(); }
            }
            return endpoint;
        }

        private static EndpointVariantDescription ReadVariant(ref Utf8JsonReader reader)
        {
            string name = "";
            int? current = null, desired = null;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("VariantName")) { reader.Read(); name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("CurrentInstanceCount")) { reader.Read(); current = JsonOutput.NullableInt32(ref reader); }
                else if (reader.ValueTextEquals("DesiredInstanceCount")) { reader.Read(); desired = JsonOutput.NullableInt32(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return new EndpointVariantDescription(name, current, desired);
        }

        /// <summary>DescribeEndpointConfigOutput {EndpointConfigName, EndpointConfigArn, ProductionVariants[], CreationTime, ...}.</summary>
        internal static EndpointConfigDescription ReadEndpointConfig(ref Utf8JsonReader reader)
        {
            var config = new EndpointConfigDescription();
            if (!JsonOutput.StartObject(ref reader)) return config;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("EndpointConfigName")) { reader.Read(); config.Name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("EndpointConfigArn")) { reader.Read(); config.Arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("CreationTime")) { reader.Read(); config.CreationTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("ProductionVariants"))
                {
                    reader.Read();
                    config.Variants = JsonOutput.ObjectList(ref reader, ReadConfigVariant);
                }
                else { reader.Read(); reader.Skip(); }
            }
            return config;
        }

        /// <summary>ProductionVariant {VariantName, InstanceType, InitialInstanceCount, ServerlessConfig, InstancePools[] {InstanceType, Priority}, ...}.</summary>
        private static EndpointConfigVariantDescription ReadConfigVariant(ref Utf8JsonReader reader)
        {
            string name = "";
            string? type = null;
            int? count = null;
            var serverless = false;
            var pools = new List<string>();
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("VariantName")) { reader.Read(); name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("InstanceType")) { reader.Read(); type = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("InitialInstanceCount")) { reader.Read(); count = JsonOutput.NullableInt32(ref reader); }
                else if (reader.ValueTextEquals("ServerlessConfig")) { reader.Read(); serverless = reader.TokenType == JsonTokenType.StartObject; reader.Skip(); }
                else if (reader.ValueTextEquals("InstancePools"))
                {
                    reader.Read();
                    if (!JsonOutput.IsArray(ref reader)) continue;
                    while (JsonOutput.NextElement(ref reader))
                    {
                        if (!JsonOutput.IsObject(ref reader)) continue;
                        while (JsonOutput.NextProperty(ref reader))
                        {
                            if (reader.ValueTextEquals("InstanceType")) { reader.Read(); if (JsonOutput.String(ref reader) is { Length: > 0 } t) pools.Add(t); }
                            else { reader.Read(); reader.Skip(); }
                        }
                    }
                }
                else { reader.Read(); reader.Skip(); }
            }
            return new EndpointConfigVariantDescription(name, type, count, serverless, pools);
        }

        internal static NotebookInstanceDescription ReadNotebookInstance(ref Utf8JsonReader reader)
        {
            var notebook = new NotebookInstanceDescription();
            if (!JsonOutput.StartObject(ref reader)) return notebook;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("NotebookInstanceName")) { reader.Read(); notebook.Name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("NotebookInstanceArn")) { reader.Read(); notebook.Arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("NotebookInstanceStatus")) { reader.Read(); notebook.Status = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("NotebookInstanceLifecycleConfigName")) { reader.Read(); notebook.LifecycleConfigName = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("InstanceType")) { reader.Read(); notebook.InstanceType = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("FailureReason")) { reader.Read(); notebook.FailureReason = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("CreationTime")) { reader.Read(); notebook.CreationTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("LastModifiedTime")) { reader.Read(); notebook.LastModifiedTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return notebook;
        }

        /// <summary>Member names that differ between the three job kinds.</summary>
        private sealed class JobShape
        {
            public static readonly JobShape Training = new JobShape("TrainingJob", "ResourceConfig", null, "Training");
            public static readonly JobShape Processing = new JobShape("ProcessingJob", "ProcessingResources", "ClusterConfig", "Processing");
            public static readonly JobShape Transform = new JobShape("TransformJob", "TransformResources", null, "Transform");

            private JobShape(string prefix, string resources, string? resourcesNested, string timePrefix)
            {
                Name = prefix + "Name";
                Arn = prefix + "Arn";
                Status = prefix + "Status";
                Resources = resources;
                ResourcesNested = resourcesNested;
                StartTime = timePrefix + "StartTime";
                EndTime = timePrefix + "EndTime";
            }

            public string Name { get; }
            public string Arn { get; }
            public string Status { get; }
            public string Resources { get; }
            public string? ResourcesNested { get; }
            public string StartTime { get; }
            public string EndTime { get; }
        }
    }
}
