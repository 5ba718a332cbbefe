using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Tests.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Resources
{
    /// <summary>
    /// DescribeEndpointConfig as the module reads it (from moto, created with the real AWS CLI, and from the emulator), and
    /// the instance type each variant gets from it. vCPU and GPU counts are the EC2 instance-type pages' figures.
    /// </summary>
    public sealed class EndpointVariantInstancesTests : IClassFixture<MotoServer>, IClassFixture<EmulatorFixture>
    {
        private const string Role = "arn:aws:iam::123456789012:role/SageMakerRole";
        private const string Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/algo:latest";
        private readonly MotoServer _moto;
        private readonly EmulatorFixture _emulator;

        public EndpointVariantInstancesTests(MotoServer moto, EmulatorFixture emulator)
        {
            _moto = moto;
            _emulator = emulator;
        }

        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        private static EndpointConfigVariantDescription Variant(string name, string? type, bool serverless = false, params string[] pools) =>
            new EndpointConfigVariantDescription(name, type, type is null ? null : 1, serverless, pools);

        [MotoFact]
        public async Task Moto_answers_each_variants_instance_type_and_count()
        {
            string model = Unique("model");
            string config = Unique("cfg");
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-model", "--model-name", model,
                "--execution-role-arn", Role, "--primary-container", "Image=" + Image);
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-endpoint-config", "--endpoint-config-name", config,
                "--production-variants",
                "VariantName=Primary,ModelName=" + model + ",InitialInstanceCount=3,InstanceType=ml.g4dn.12xlarge",
                "VariantName=Canary,ModelName=" + model + ",InitialInstanceCount=1,InstanceType=ml.m5.large");
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            EndpointConfigDescription described = await factory.CreateSageMaker().DescribeEndpointConfigAsync(config, CancellationToken.None);

            Assert.Equal(config, described.Name);
            Assert.EndsWith(":endpoint-config/" + config, described.Arn);
            Assert.Equal(new[] { ("Primary", (string?)"ml.g4dn.12xlarge", (int?)3, false), ("Canary", "ml.m5.large", (int?)1, false) },
                described.Variants.Select(v => (v.VariantName, v.InstanceType, v.InitialInstanceCount, v.IsServerless)));

            var instances = EndpointVariantInstances.FromConfig(described);
            Assert.Equal((48, 4), (instances.For("Primary")!.VCpus, instances.For("Primary")!.Gpus));
            Assert.Equal((2, 0), (instances.For("Canary")!.VCpus, instances.For("Canary")!.Gpus));
            Assert.Null(instances.UnknownReason("Primary"));
        }

        [MotoFact]
        public async Task Moto_unknown_configuration_is_not_found()
        {
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            var error = await Assert.ThrowsAsync<AwsServiceException>(() => factory.CreateSageMaker().DescribeEndpointConfigAsync(Unique("missing"), CancellationToken.None));
            Assert.True(error.IsNotFound, error.ErrorCode + ": " + error.Message);
        }

        [Fact]
        public async Task Emulator_answers_the_configuration_its_endpoint_names_with_serverless_variants_without_a_type()
        {
            string endpoint = Unique("ep");
            await _emulator.PostControlAsync("sagemaker/upsert", new JsonObject
            {
                ["type"] = "Endpoint",
                ["name"] = endpoint,
                ["endpointConfigName"] = endpoint + "-cfg",
                ["variants"] = new JsonArray(
                    new JsonObject { ["name"] = "Gpu", ["instanceType"] = "ml.g4dn.xlarge", ["instanceCount"] = 2 },
                    new JsonObject { ["name"] = "Sls", ["serverless"] = new JsonObject { ["memorySizeInMB"] = 4096, ["maxConcurrency"] = 5 } }),
            });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ISageMakerClient client = factory.CreateSageMaker();
            EndpointDescription described = await client.DescribeEndpointAsync(endpoint, CancellationToken.None);
            Assert.Equal(endpoint + "-cfg", described.EndpointConfigName);

            EndpointConfigDescription config = await client.DescribeEndpointConfigAsync(described.EndpointConfigName!, CancellationToken.None);
            Assert.Equal(new[] { ("Gpu", (string?)"ml.g4dn.xlarge", (int?)2, false), ("Sls", (string?)null, (int?)null, true) },
                config.Variants.Select(v => (v.VariantName, v.InstanceType, v.InitialInstanceCount, v.IsServerless)));

            var instances = await EndpointVariantInstances.ResolveAsync(client, described, NullOperationReporter.Instance, CancellationToken.None);
            Assert.Equal("ml.g4dn.xlarge", instances.For("Gpu")!.Name);
            Assert.Null(instances.For("Sls"));
            Assert.Contains("serverless", instances.UnknownReason("Sls"));

            // The same answer read by the AWS CLI (botocore's output shape).
            AwsCliResult cli = await AwsCli.RunAsync(_emulator.Url, "sagemaker", "describe-endpoint-config", "--endpoint-config-name", endpoint + "-cfg");
            Assert.True(cli.Succeeded, cli.Stderr);
            var json = cli.Json!;
            Assert.Equal("ml.g4dn.xlarge", (string?)json["ProductionVariants"]![0]!["InstanceType"]);
            Assert.Equal(4096, (int)json["ProductionVariants"]![1]!["ServerlessConfig"]!["MemorySizeInMB"]!);
        }

        [Fact]
        public async Task A_configuration_deleted_under_a_running_endpoint_leaves_the_types_unknown_with_a_warning()
        {
            string endpoint = Unique("ep");
            await _emulator.PostControlAsync("sagemaker/upsert", new JsonObject { ["type"] = "Endpoint", ["name"] = endpoint, ["endpointConfigName"] = endpoint + "-cfg" });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ISageMakerClient client = factory.CreateSageMaker();
            var described = await client.DescribeEndpointAsync(endpoint, CancellationToken.None);
            described.EndpointConfigName = endpoint + "-gone";
            var reporter = new Warnings();
            var instances = await EndpointVariantInstances.ResolveAsync(client, described, reporter, CancellationToken.None);
            Assert.Null(instances.For("AllTraffic"));
            Assert.Contains("no longer exists", instances.UnknownReason("AllTraffic"));
            Assert.Contains("-InstanceType", instances.UnknownReason("AllTraffic"));
            Assert.Single(reporter.Messages);
        }

        [Fact]
        public void Instance_pools_of_one_type_count_as_that_type_and_mixed_pools_stay_unknown()
        {
            var config = new EndpointConfigDescription
            {
                Name = "cfg",
                Variants = new[]
                {
                    Variant("Same", null, false, "ml.g5.xlarge", "ml.g5.xlarge"),
                    Variant("Mixed", null, false, "ml.g5.xlarge", "ml.g5.2xlarge"),
                    Variant("Odd", "ml.zz9.huge"),
                },
            };
            var instances = EndpointVariantInstances.FromConfig(config);
            Assert.Equal("ml.g5.xlarge", instances.For("Same")!.Name);
            Assert.Null(instances.For("Mixed"));
            Assert.Contains("ml.g5.xlarge, ml.g5.2xlarge", instances.UnknownReason("Mixed"));
            Assert.Null(instances.For("Odd"));
            Assert.Contains("ml.zz9.huge", instances.UnknownReason("Odd"));
            Assert.Contains("'Absent' is not in the endpoint configuration", instances.UnknownReason("Absent"));
        }

        [Fact]
        public void An_override_applies_to_every_variant()
        {
            var instances = EndpointVariantInstances.Override(SageMakerMonitoring.Core.Catalog.InstanceTypeCatalog.Find("ml.c5.2xlarge")!);
            Assert.Equal(8, instances.For("Anything")!.VCpus);
            Assert.Null(instances.UnknownReason("Anything"));
        }

        private sealed class Warnings : IOperationReporter
        {
            public System.Collections.Generic.List<string> Messages { get; } = new System.Collections.Generic.List<string>();
            public void Verbose(string message) { }
            public void Warning(string message) => Messages.Add(message);
            public void Progress(ProgressInfo progress) { }
        }
    }
}
