using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    public sealed class TransformJobResource : SageMakerResource
    {
        public TransformJobResource(string name, DateTime creationTime) : base(name, creationTime)
        {
            Status = "InProgress";
            InstanceType = "ml.m5.large";
        }

        public override SageMakerResourceKind Kind => SageMakerResourceKind.TransformJob;
        protected override string ArnType => "transform-job";

        public string ModelName { get; set; } = "demo-churn-model";

        public override void Apply(JsonObject fields, DateTime now)
        {
            base.Apply(fields, now);
            if (fields.GetString("modelName") is { } model) ModelName = model;
        }

        public override JsonObject Describe(EmulatorContext context)
        {
            string bucket = $"sagemaker-{context.Region}-{context.AccountId}";
            var result = new JsonObject
            {
                ["TransformJobName"] = Name,
                ["TransformJobArn"] = Arn(context),
                ["TransformJobStatus"] = Status,
            };
            AddIfSet(result, "FailureReason", FailureReason);
            result["ModelName"] = ModelName;
            result["MaxConcurrentTransforms"] = 1;
            result["MaxPayloadInMB"] = 6;
            result["BatchStrategy"] = "MultiRecord";
            result["TransformInput"] = new JsonObject
            {
                ["DataSource"] = new JsonObject
                {
                    ["S3DataSource"] = new JsonObject { ["S3DataType"] = "S3Prefix", ["S3Uri"] = $"s3://{bucket}/{Name}/input/" },
                },
                ["ContentType"] = "text/csv",
                ["CompressionType"] = "None",
                ["SplitType"] = "Line",
            };
            result["TransformOutput"] = new JsonObject { ["S3OutputPath"] = $"s3://{bucket}/{Name}/output/", ["AssembleWith"] = "Line" };
            result["TransformResources"] = new JsonObject { ["InstanceType"] = InstanceType, ["InstanceCount"] = InstanceCount };
            result["CreationTime"] = Time(CreationTime);
            AddIfSet(result, "TransformStartTime", StartTime);
            AddIfSet(result, "TransformEndTime", EndTime);
            return result;
        }
    }
}
