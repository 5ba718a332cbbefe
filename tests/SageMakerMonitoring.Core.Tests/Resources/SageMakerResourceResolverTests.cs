using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Tests.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Resources
{
    /// <summary>The one resource resolver against the emulator over HTTP: Describe per kind, the resource's own span,
    /// not found with similar names from the List* calls, endpoint variants.</summary>
    public sealed class SageMakerResourceResolverTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public SageMakerResourceResolverTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static SageMakerResource R(SageMakerResourceType type, string name, string? variant = null) => SageMakerResource.Create(type, name, variant);

        [Fact]
        public async Task Jobs_have_their_own_span_from_creation_to_end()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var resolver = new SageMakerResourceResolver(factory.CreateSageMaker());

            var processing = await resolver.DescribeAsync(R(SageMakerResourceType.ProcessingJob, "demo-preprocess"), CancellationToken.None);
            Assert.True(processing.IsTerminal);
            Assert.Equal(now.AddMinutes(-305), processing.TimeSpan!.Start); // creation, before the job's start
            Assert.Equal(now.AddMinutes(-260), processing.TimeSpan.End);

            var training = await resolver.DescribeAsync(R(SageMakerResourceType.TrainingJob, "demo-train-resnet50"), CancellationToken.None);
            Assert.False(training.IsTerminal);
            Assert.Equal(now.AddMinutes(-125), training.TimeSpan!.Start);
            Assert.Null(training.TimeSpan.End);

            var endpoint = await resolver.DescribeAsync(R(SageMakerResourceType.Endpoint, "demo-churn-endpoint", "Pipeline"), CancellationToken.None);
            Assert.Null(endpoint.TimeSpan); // lives on: the default range is the last hours, not its whole life
            Assert.Equal(new[] { "Primary", "Pipeline" }, endpoint.VariantNames);

            var notebook = await resolver.DescribeAsync(R(SageMakerResourceType.NotebookInstance, "demo-notebook"), CancellationToken.None);
            Assert.Equal("InService", notebook.Status);
        }

        [Fact]
        public async Task A_misspelled_job_is_TrainingJobNotFound_naming_the_similar_job()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var resolver = new SageMakerResourceResolver(factory.CreateSageMaker());
            var typo = R(SageMakerResourceType.TrainingJob, "demo-train-resnet5O");

            Assert.Null(await resolver.TryDescribeAsync(typo, CancellationToken.None));
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => resolver.DescribeAsync(typo, CancellationToken.None));
            Assert.Equal("TrainingJobNotFound", ex.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, ex.Kind);
            Assert.Equal("demo-train-resnet5O", ex.TargetObject);
            Assert.Contains("DescribeTrainingJob", ex.Message);
            Assert.Contains("Similar names that exist: demo-train-resnet50", ex.Message);
            Assert.Contains("demo-train-resnet50", ex.RecommendedAction);
        }

        [Fact]
        public async Task Every_describable_kind_has_its_own_NotFound_id()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var resolver = new SageMakerResourceResolver(factory.CreateSageMaker());
            foreach (var type in new[] { SageMakerResourceType.ProcessingJob, SageMakerResourceType.TransformJob, SageMakerResourceType.Endpoint,
                         SageMakerResourceType.NotebookInstance, SageMakerResourceType.InferenceComponent })
            {
                var ex = await Assert.ThrowsAsync<MonitoringException>(() => resolver.DescribeAsync(R(type, "no-such-thing"), CancellationToken.None));
                Assert.Equal(type + "NotFound", ex.ErrorId);
                Assert.Equal(ErrorKind.ObjectNotFound, ex.Kind);
            }
        }

        [Fact]
        public async Task An_unknown_variant_is_EndpointVariantNotFound_listing_the_variants()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var resolver = new SageMakerResourceResolver(factory.CreateSageMaker());
            var ex = await Assert.ThrowsAsync<MonitoringException>(() =>
                resolver.DescribeAsync(R(SageMakerResourceType.Endpoint, "demo-churn-endpoint", "Primry"), CancellationToken.None));
            Assert.Equal("EndpointVariantNotFound", ex.ErrorId);
            Assert.Contains("Primary, Pipeline", ex.Message);
            Assert.Contains("-VariantName Primary", ex.RecommendedAction);
        }

        [Fact]
        public async Task Inference_components_are_described_and_listed()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator, "empty");
            await _emulator.PostControlAsync("sagemaker/upsert", new JsonObject { ["type"] = "InferenceComponent", ["name"] = "ic-llama-7b", ["endpointName"] = "shared-ep" });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var resolver = new SageMakerResourceResolver(factory.CreateSageMaker());
            var ic = await resolver.DescribeAsync(R(SageMakerResourceType.InferenceComponent, "ic-llama-7b"), CancellationToken.None);
            Assert.Equal("InService", ic.Status);
            Assert.Equal(new[] { "ic-llama-7b" }, await resolver.SimilarNamesAsync(R(SageMakerResourceType.InferenceComponent, "ic-lama-7b"), CancellationToken.None));
        }

        [Fact]
        public async Task Answers_are_cached_per_resource_and_the_terminal_probe_asks_afresh()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator, "empty");
            await _emulator.PostControlAsync("sagemaker/upsert", new JsonObject
            {
                ["type"] = "TrainingJob", ["name"] = "probe-job", ["status"] = "InProgress", ["creationTime"] = now.AddMinutes(-5).ToString("o"),
                ["startTime"] = now.AddMinutes(-4).ToString("o"),
            });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var resolver = new SageMakerResourceResolver(factory.CreateSageMaker());
            var job = R(SageMakerResourceType.TrainingJob, "probe-job");
            await resolver.TryDescribeAsync(job, CancellationToken.None);
            await resolver.TryDescribeAsync(job, CancellationToken.None);
            Assert.Equal(1, resolver.Requests);

            var probe = resolver.TerminalProbe(job)!;
            Assert.False(await probe(CancellationToken.None));
            await _emulator.PostControlAsync("sagemaker/upsert", new JsonObject { ["type"] = "TrainingJob", ["name"] = "probe-job", ["status"] = "Completed" });
            Assert.True(await probe(CancellationToken.None));
            Assert.Null(resolver.TerminalProbe(R(SageMakerResourceType.Endpoint, "e")));
        }

        [Fact]
        public async Task Kinds_without_a_describe_call_are_not_checked_and_say_so()
        {
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var resolver = new SageMakerResourceResolver(factory.CreateSageMaker());
            Assert.False(SageMakerResourceResolver.CanDescribe(SageMakerResourceType.StudioApp));
            Assert.Null(await resolver.TryDescribeAsync(R(SageMakerResourceType.StudioApp, "d-123/user"), CancellationToken.None));
            Assert.Equal(0, resolver.Requests);
            var error = SageMakerResourceResolver.NotFound(R(SageMakerResourceType.StudioApp, "d-123/user"), "CloudWatch Logs /aws/sagemaker/studio", Array.Empty<string>());
            Assert.Equal("StudioAppNotFound", error.ErrorId);
            Assert.DoesNotContain("Describe", error.Message);
            Assert.Contains("/aws/sagemaker/studio", error.Message);
        }

        [Theory]
        [InlineData("demo-train-resnet5O", "demo")]
        [InlineData("my_job.v2", "job")]
        [InlineData("a-b-c", null)]
        [InlineData("xgboost", "xgboost")]
        public void The_name_fragment_is_what_NameContains_accepts(string name, string? fragment)
        {
            Assert.Equal(fragment, SageMakerResourceResolver.NameFragment(name));
        }
    }
}
