using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    public sealed class NotebookInstanceResource : SageMakerResource
    {
        public NotebookInstanceResource(string name, DateTime creationTime) : base(name, creationTime)
        {
            Status = "InService";
            InstanceType = "ml.t3.medium";
        }

        public override SageMakerResourceKind Kind => SageMakerResourceKind.NotebookInstance;
        protected override string ArnType => "notebook-instance";

        public string? LifecycleConfigName { get; set; }

        protected override bool IsTerminal(string status) => false;

        public override void Apply(JsonObject fields, DateTime now)
        {
            base.Apply(fields, now);
            if (fields.ContainsKey("lifecycleConfigName")) LifecycleConfigName = fields.GetString("lifecycleConfigName");
        }

        public override JsonObject Describe(EmulatorContext context)
        {
            var result = new JsonObject
            {
                ["NotebookInstanceArn"] = Arn(context),
                ["NotebookInstanceName"] = Name,
                ["NotebookInstanceStatus"] = Status,
            };
            AddIfSet(result, "FailureReason", FailureReason);
            if (Status == "InService") result["Url"] = $"{Name}.notebook.{context.Region}.sagemaker.aws";
            result["InstanceType"] = InstanceType;
            result["RoleArn"] = $"arn:aws:iam::{context.AccountId}:role/service-role/AmazonSageMaker-ExecutionRole";
            result["LastModifiedTime"] = Time(LastModifiedTime);
            result["CreationTime"] = Time(CreationTime);
            AddIfSet(result, "NotebookInstanceLifecycleConfigName", LifecycleConfigName);
            result["DirectInternetAccess"] = "Enabled";
            result["VolumeSizeInGB"] = 5;
            result["RootAccess"] = "Enabled";
            result["PlatformIdentifier"] = "notebook-al2-v3";
            result["InstanceMetadataServiceConfiguration"] = new JsonObject { ["MinimumInstanceMetadataServiceVersion"] = "2" };
            return result;
        }
    }
}
