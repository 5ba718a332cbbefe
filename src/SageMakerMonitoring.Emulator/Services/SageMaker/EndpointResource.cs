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

        /// <summary>Also takes endpointConfigName and variants: [{"name":"Primary","instanceCount":2,"instanceType":"ml.m5.large"},
        /// {"name":"Sls","serverless":{"memorySizeInMB":2048,"maxConcurrency":5}}]. Without variants, instanceType and
        /// instanceCount apply to the instance-based variants already there.</summary>
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
                    string name = variant.GetString("name") ?? throw new AwsErrorException("ValidationException", "A variant needs a name.");
                    if (variant["serverless"] is JsonObject serverless)
                    {
                        Variants.Add(new EndpointVariant(name, 0, null)
                        {
                            ServerlessMemorySizeInMB = serverless.GetInt("memorySizeInMB") ?? 2048,
                            ServerlessMaxConcurrency = serverless.GetInt("maxConcurrency") ?? 20,
                        });
                    }
                    else
                    {
                        Variants.Add(new EndpointVariant(name, variant.GetInt("instanceCount") ?? 1, variant.GetString("instanceType") ?? InstanceType));
                    }
                }
            }
            else if (fields.ContainsKey("instanceType") || fields.ContainsKey("instanceCount"))
            {
                for (int i = 0; i < Variants.Count; i++)
                {
                    if (!Variants[i].IsServerless) Variants[i] = Variants[i] with { InstanceType = InstanceType, InstanceCount = InstanceCount };
                }
            }
        }

        /// <summary>DescribeEndpointConfig's answer for <see cref="EndpointConfigName"/> (botocore's DescribeEndpointConfigOutput).</summary>
        public JsonObject DescribeConfig(EmulatorContext context)
        {
            var variants = new JsonArray();
            foreach (EndpointVariant variant in Variants)
            {
                var entry = new JsonObject
                {
                    ["VariantName"] = variant.Name,
                    ["ModelName"] = Name + "-model",
                    ["InitialVariantWeight"] = 1.0,
                };
                if (variant.IsServerless)
                {
                    entry["ServerlessConfig"] = new JsonObject
                    {
                        ["MemorySizeInMB"] = variant.ServerlessMemorySizeInMB,
                        ["MaxConcurrency"] = variant.ServerlessMaxConcurrency,
                    };
                }
                else
                {
                    entry["InitialInstanceCount"] = variant.InstanceCount;
                    entry["InstanceType"] = variant.InstanceType;
                }
                variants.Add(entry);
            }
            return new JsonObject
            {
                ["EndpointConfigName"] = EndpointConfigName,
                ["EndpointConfigArn"] = $"arn:aws:sagemaker:{context.Region}:{context.AccountId}:endpoint-config/{EndpointConfigName.ToLowerInvariant()}",
                ["ProductionVariants"] = variants,
                ["CreationTime"] = Time(CreationTime),
            };
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
                });
                var described = (JsonObject)variants[variants.Count - 1]!;
                if (variant.IsServerless)
                {
                    var serverless = new JsonObject { ["MemorySizeInMB"] = variant.ServerlessMemorySizeInMB, ["MaxConcurrency"] = variant.ServerlessMaxConcurrency };
                    described["CurrentServerlessConfig"] = serverless;
                    described["DesiredServerlessConfig"] = serverless.DeepClone();
                }
                else
                {
                    described["CurrentInstanceCount"] = variant.InstanceCount;
                    described["DesiredInstanceCount"] = variant.InstanceCount;
                }
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
