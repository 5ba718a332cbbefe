using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    public sealed class TrainingJobResource : SageMakerResource
    {
        public TrainingJobResource(string name, DateTime creationTime) : base(name, creationTime)
        {
            Status = "InProgress";
        }

        public override SageMakerResourceKind Kind => SageMakerResourceKind.TrainingJob;
        protected override string ArnType => "training-job";

        /// <summary>Null derives it from <see cref="SageMakerResource.Status"/>.</summary>
        public string? SecondaryStatus { get; set; }
        public string TrainingImage { get; set; } = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker";
        public int MaxRuntimeInSeconds { get; set; } = 86400;
        public int VolumeSizeInGB { get; set; } = 100;
        /// <summary>ProfilerConfig.S3OutputPath; null: the job has no ProfilerConfig.</summary>
        public string? ProfilerS3OutputPath { get; set; }
        public long ProfilingIntervalInMilliseconds { get; set; } = 500;
        public bool DisableProfiler { get; set; }

        public string EffectiveSecondaryStatus => SecondaryStatus ?? Status switch
        {
            "InProgress" => StartTime is null ? "Starting" : "Training",
            "Completed" => "Completed",
            "Failed" => "Failed",
            "Stopping" => "Stopping",
            "Stopped" => "Stopped",
            _ => "Starting",
        };

        public override void Apply(JsonObject fields, DateTime now)
        {
            base.Apply(fields, now);
            if (fields.ContainsKey("secondaryStatus")) SecondaryStatus = fields.GetString("secondaryStatus");
            if (fields.GetString("trainingImage") is { } image) TrainingImage = image;
            if (fields.GetInt("maxRuntimeInSeconds") is { } maxRuntime) MaxRuntimeInSeconds = maxRuntime;
            // profilerConfig: {"S3OutputPath":"s3://b/p","ProfilingIntervalInMilliseconds":500,"DisableProfiler":false}; null removes it.
            if (fields.ContainsKey("profilerConfig"))
            {
                JsonObject? profiler = fields.GetObject("profilerConfig");
                ProfilerS3OutputPath = profiler.GetString("S3OutputPath");
                ProfilingIntervalInMilliseconds = profiler.GetLong("ProfilingIntervalInMilliseconds") ?? 500;
                DisableProfiler = profiler.GetBool("DisableProfiler") ?? false;
            }
        }

        public override JsonObject Describe(EmulatorContext context)
        {
            string bucket = $"sagemaker-{context.Region}-{context.AccountId}";
            var result = new JsonObject
            {
                ["TrainingJobName"] = Name,
                ["TrainingJobArn"] = Arn(context),
                ["ModelArtifacts"] = new JsonObject
                {
                    ["S3ModelArtifacts"] = Status == "Completed" ? $"s3://{bucket}/{Name}/output/model.tar.gz" : "",
                },
                ["TrainingJobStatus"] = Status,
                ["SecondaryStatus"] = EffectiveSecondaryStatus,
                ["HyperParameters"] = new JsonObject { ["epochs"] = "20", ["batch-size"] = "256" },
                ["AlgorithmSpecification"] = new JsonObject
                {
                    ["TrainingImage"] = TrainingImage,
                    ["TrainingInputMode"] = "File",
                    ["EnableSageMakerMetricsTimeSeries"] = true,
                },
                ["RoleArn"] = $"arn:aws:iam::{context.AccountId}:role/service-role/AmazonSageMaker-ExecutionRole",
                ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = $"s3://{bucket}/" },
                ["ResourceConfig"] = new JsonObject
                {
                    ["InstanceType"] = InstanceType,
                    ["InstanceCount"] = InstanceCount,
                    ["VolumeSizeInGB"] = VolumeSizeInGB,
                },
                ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = MaxRuntimeInSeconds },
                ["CreationTime"] = Time(CreationTime),
            };
            if (ProfilerS3OutputPath != null)
            {
                // botocore sagemaker ProfilerConfig / ProfilingStatus (Enabled|Disabled).
                result["ProfilerConfig"] = new JsonObject
                {
                    ["S3OutputPath"] = ProfilerS3OutputPath,
                    ["ProfilingIntervalInMilliseconds"] = ProfilingIntervalInMilliseconds,
                    ["DisableProfiler"] = DisableProfiler,
                };
                result["ProfilingStatus"] = DisableProfiler ? "Disabled" : "Enabled";
            }
            AddIfSet(result, "FailureReason", FailureReason);
            AddIfSet(result, "TrainingStartTime", StartTime);
            AddIfSet(result, "TrainingEndTime", EndTime);
            result["LastModifiedTime"] = Time(LastModifiedTime);
            result["SecondaryStatusTransitions"] = Transitions();
            result["EnableNetworkIsolation"] = false;
            result["EnableInterContainerTrafficEncryption"] = false;
            result["EnableManagedSpotTraining"] = false;
            if (StartTime is { } start && EndTime is { } end)
            {
                int seconds = (int)Math.Max(0, (end - start).TotalSeconds);
                result["TrainingTimeInSeconds"] = seconds;
                result["BillableTimeInSeconds"] = seconds * InstanceCount;
            }
            return result;
        }

        private JsonArray Transitions()
        {
            var transitions = new JsonArray();
            DateTime launched = StartTime ?? LastModifiedTime;
            transitions.Add(new JsonObject
            {
                ["Status"] = "Starting",
                ["StartTime"] = Time(CreationTime),
                ["EndTime"] = Time(launched),
                ["StatusMessage"] = "Preparing the instances for training",
            });
            if (StartTime is { } start)
            {
                var training = new JsonObject { ["Status"] = "Training", ["StartTime"] = Time(start) };
                if (EndTime is { } end) training["EndTime"] = Time(end);
                training["StatusMessage"] = "Training image download completed. Training in progress.";
                transitions.Add(training);
                if (EndTime is { } finished)
                    transitions.Add(new JsonObject
                    {
                        ["Status"] = EffectiveSecondaryStatus,
                        ["StartTime"] = Time(finished),
                        ["EndTime"] = Time(finished),
                        ["StatusMessage"] = Status == "Failed" ? FailureReason ?? "Training job failed" : "Training job completed",
                    });
            }
            return transitions;
        }
    }
}
