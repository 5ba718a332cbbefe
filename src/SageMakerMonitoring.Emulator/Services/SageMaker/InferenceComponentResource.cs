using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    public sealed class InferenceComponentResource : SageMakerResource
    {
        public InferenceComponentResource(string name, DateTime creationTime) : base(name, creationTime)
        {
            Status = "InService";
        }

        public override SageMakerResourceKind Kind => SageMakerResourceKind.InferenceComponent;
        protected override string ArnType => "inference-component";

        public string EndpointName { get; set; } = "endpoint";
        public string VariantName { get; set; } = "AllTraffic";

        protected override bool IsTerminal(string status) => false;

        /// <summary>Also takes endpointName and variantName.</summary>
        public override void Apply(JsonObject fields, DateTime now)
        {
            base.Apply(fields, now);
            if (fields.GetString("endpointName") is { } endpoint) EndpointName = endpoint;
            if (fields.GetString("variantName") is { } variant) VariantName = variant;
        }

        /// <summary>botocore DescribeInferenceComponentOutput (required: name, ARN, endpoint name and ARN, times).</summary>
        public override JsonObject Describe(EmulatorContext context)
        {
            var result = new JsonObject
            {
                ["InferenceComponentName"] = Name,
                ["InferenceComponentArn"] = Arn(context),
                ["EndpointName"] = EndpointName,
                ["EndpointArn"] = $"arn:aws:sagemaker:{context.Region}:{context.AccountId}:endpoint/{EndpointName.ToLowerInvariant()}",
                ["VariantName"] = VariantName,
                ["CreationTime"] = Time(CreationTime),
                ["LastModifiedTime"] = Time(LastModifiedTime),
                ["InferenceComponentStatus"] = Status,
            };
            AddIfSet(result, "FailureReason", FailureReason);
            return result;
        }
    }
}
