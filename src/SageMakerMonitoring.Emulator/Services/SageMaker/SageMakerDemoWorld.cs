using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>The SageMaker resources of the "demo" seed, relative to the clock's now (T).</summary>
    public static class SageMakerDemoWorld
    {
        public const string TrainingJobName = "demo-train-resnet50";
        public const string ProcessingJobName = "demo-preprocess";
        public const string EndpointName = "demo-churn-endpoint";
        public const string NotebookInstanceName = "demo-notebook";
        public const string TransformJobName = "demo-batch-score";
        /// <summary>Where the demo training job's Debugger system data live (S3 seeds them, see DebuggerSystemData).</summary>
        public const string DebuggerBucket = "demo-sagemaker-debugger";
        public const int DebuggerIntervalMilliseconds = 5000;

        public static IEnumerable<SageMakerResource> Create(DateTime now)
        {
            yield return new TrainingJobResource(TrainingJobName, now.AddMinutes(-125))
            {
                Status = "InProgress",
                StartTime = now.AddHours(-2),
                LastModifiedTime = now.AddHours(-2),
                InstanceType = "ml.p3.8xlarge",
                InstanceCount = 4,
                ProfilerS3OutputPath = $"s3://{DebuggerBucket}/profiler",
                ProfilingIntervalInMilliseconds = DebuggerIntervalMilliseconds,
            };
            yield return new ProcessingJobResource(ProcessingJobName, now.AddMinutes(-305))
            {
                Status = "Completed",
                StartTime = now.AddHours(-5),
                EndTime = now.AddMinutes(-260),
                LastModifiedTime = now.AddMinutes(-260),
                InstanceType = "ml.m5.xlarge",
                InstanceCount = 2,
                ExitMessage = "",
            };
            var endpoint = new EndpointResource(EndpointName, now.AddDays(-10))
            {
                Status = "InService",
                EndpointConfigName = "demo-churn-config",
                LastModifiedTime = now.AddDays(-3),
                InstanceType = "ml.m5.large",
            };
            endpoint.Variants.Clear();
            endpoint.Variants.Add(new EndpointVariant("Primary", 2, "ml.m5.large"));
            endpoint.Variants.Add(new EndpointVariant("Pipeline", 1, "ml.m5.large"));
            yield return endpoint;
            yield return new NotebookInstanceResource(NotebookInstanceName, now.AddDays(-20))
            {
                Status = "InService",
                InstanceType = "ml.t3.medium",
                LifecycleConfigName = "demo-lcc",
                LastModifiedTime = now.AddDays(-1),
            };
            yield return new TransformJobResource(TransformJobName, now.AddMinutes(-30 * 60 - 5))
            {
                Status = "Completed",
                StartTime = now.AddHours(-30),
                EndTime = now.AddHours(-29),
                LastModifiedTime = now.AddHours(-29),
                InstanceType = "ml.m5.large",
                InstanceCount = 1,
            };
        }
    }
}
