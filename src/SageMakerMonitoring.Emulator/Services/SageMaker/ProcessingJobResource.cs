using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    public sealed class ProcessingJobResource : SageMakerResource
    {
        public ProcessingJobResource(string name, DateTime creationTime) : base(name, creationTime)
        {
            Status = "InProgress";
        }

        public override SageMakerResourceKind Kind => SageMakerResourceKind.ProcessingJob;
        protected override string ArnType => "processing-job";

        public string ImageUri { get; set; } = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";
        public string? ExitMessage { get; set; }

        public override void Apply(JsonObject fields, DateTime now)
        {
            base.Apply(fields, now);
            if (fields.GetString("imageUri") is { } image) ImageUri = image;
            if (fields.ContainsKey("exitMessage")) ExitMessage = fields.GetString("exitMessage");
        }

        public override JsonObject Describe(EmulatorContext context)
        {
            var result = new JsonObject
            {
                ["ProcessingJobName"] = Name,
                ["ProcessingResources"] = new JsonObject
                {
                    ["ClusterConfig"] = new JsonObject
                    {
                        ["InstanceCount"] = InstanceCount,
                        ["InstanceType"] = InstanceType,
                        ["VolumeSizeInGB"] = 30,
                    },
                },
                ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 86400 },
                ["AppSpecification"] = new JsonObject
                {
                    ["ImageUri"] = ImageUri,
                    ["ContainerEntrypoint"] = new JsonArray("python3", "/opt/ml/processing/input/code/preprocess.py"),
                },
                ["RoleArn"] = $"arn:aws:iam::{context.AccountId}:role/service-role/AmazonSageMaker-ExecutionRole",
                ["ProcessingJobArn"] = Arn(context),
                ["ProcessingJobStatus"] = Status,
            };
            AddIfSet(result, "ExitMessage", ExitMessage);
            AddIfSet(result, "FailureReason", FailureReason);
            AddIfSet(result, "ProcessingEndTime", EndTime);
            AddIfSet(result, "ProcessingStartTime", StartTime);
            result["LastModifiedTime"] = Time(LastModifiedTime);
            result["CreationTime"] = Time(CreationTime);
            return result;
        }
    }
}
