using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    public sealed class EndpointResource : SageMakerResource
    {
        public EndpointResource(string name, DateTime creationTime) : base(name, creationTime)
        {
            Status = "InService";
            EndpointConfigName = name + "-config";
            Variants.Add(new EndpointVariant("AllTraffic", 1, InstanceType));
        }

        public override SageMakerResourceKind Kind => SageMakerResourceKind.Endpoint;
        protected override string ArnType => "endpoint";

        public string EndpointConfigName { get; set; }
        public List<EndpointVariant> Variants { get; } = new List<EndpointVariant>();

        protected override bool IsTerminal(string status) => false;

        /// <summary>Also takes endpointConfigName and variants: [{"name":"Primary","instanceCount":2,"instanceType":"ml.m5.large"}].</summary>
        public override void Apply(JsonObject fields, DateTime now)
        {
            base.Apply(fields, now);
            if (fields.GetString("endpointConfigName") is { } config) EndpointConfigName = config;
            if (fields.GetArray("variants") is { } variants)
            {
                Variants.Clear();
                foreach (JsonNode? node in variants)
                {
                    var variant = node as JsonObject ?? throw new AwsErrorException("ValidationException", "Each variant must be an object.");
                    Variants.Add(new EndpointVariant(
                        variant.GetString("name") ?? throw new AwsErrorException("ValidationException", "A variant needs a name."),
                        variant.GetInt("instanceCount") ?? 1,
                        variant.GetString("instanceType") ?? InstanceType));
                }
            }
        }

        public override JsonObject Describe(EmulatorContext context)
        {
            var variants = new JsonArray();
            foreach (EndpointVariant variant in Variants)
            {
                variants.Add(new JsonObject
                {
                    ["VariantName"] = variant.Name,
                    ["DeployedImages"] = new JsonArray(new JsonObject
                    {
                        ["SpecifiedImage"] = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                        ["ResolvedImage"] = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost@sha256:6f1c3b0d5f7a4e1b9c8d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b",
                        ["ResolutionTime"] = Time(CreationTime),
                    }),
                    ["CurrentWeight"] = 1.0,
                    ["DesiredWeight"] = 1.0,
                    ["CurrentInstanceCount"] = variant.InstanceCount,
                    ["DesiredInstanceCount"] = variant.InstanceCount,
                });
            }
            var result = new JsonObject
            {
                ["EndpointName"] = Name,
                ["EndpointArn"] = Arn(context),
                ["EndpointConfigName"] = EndpointConfigName,
                ["ProductionVariants"] = variants,
                ["EndpointStatus"] = Status,
            };
            AddIfSet(result, "FailureReason", FailureReason);
            result["CreationTime"] = Time(CreationTime);
            result["LastModifiedTime"] = Time(LastModifiedTime);
            return result;
        }
    }
}
