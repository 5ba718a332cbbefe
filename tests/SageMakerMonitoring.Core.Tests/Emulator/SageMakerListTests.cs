using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    /// <summary>
    /// The emulator's List* calls through the real AWS CLI (botocore parses and paginates them), with the members
    /// botocore's model marks required in each summary shape, and through the module's client.
    /// </summary>
    public sealed class SageMakerListTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public SageMakerListTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Theory]
        // operation, list member, required summary members (botocore sagemaker/2017-07-24 service-2.json)
        [InlineData("list-training-jobs", "TrainingJobSummaries", "TrainingJobName,TrainingJobArn,CreationTime,TrainingJobStatus")]
        [InlineData("list-processing-jobs", "ProcessingJobSummaries", "ProcessingJobName,ProcessingJobArn,CreationTime,ProcessingJobStatus")]
        [InlineData("list-transform-jobs", "TransformJobSummaries", "TransformJobName,TransformJobArn,CreationTime,TransformJobStatus")]
        [InlineData("list-endpoints", "Endpoints", "EndpointName,EndpointArn,CreationTime,LastModifiedTime,EndpointStatus")]
        [InlineData("list-notebook-instances", "NotebookInstances", "NotebookInstanceName,NotebookInstanceArn")]
        public async Task List_calls_answer_botocore_summaries(string operation, string member, string required)
        {
            await _fixture.ResetAsync();
            JsonNode answer = (await _fixture.AwsAsync("sagemaker", operation, "--name-contains", "demo")).EnsureSuccess().Json!;
            var summaries = answer[member]!.AsArray();
            Assert.Single(summaries);
            foreach (var name in required.Split(',')) Assert.NotNull(summaries[0]![name]);
        }

        [Fact]
        public async Task NameContains_is_a_case_sensitive_substring_and_the_CLI_pages_through_every_name()
        {
            await _fixture.ResetAsync("empty");
            for (var i = 0; i < 25; i++)
                await _fixture.PostControlAsync("sagemaker/upsert", new JsonObject { ["type"] = "Endpoint", ["name"] = $"ep-{i:00}" });
            // The CLI follows NextToken with a page size of 10: all 25 come back.
            JsonNode all = (await _fixture.AwsAsync("sagemaker", "list-endpoints", "--page-size", "10")).EnsureSuccess().Json!;
            Assert.Equal(25, all["Endpoints"]!.AsArray().Count);
            JsonNode some = (await _fixture.AwsAsync("sagemaker", "list-endpoints", "--name-contains", "ep-1")).EnsureSuccess().Json!;
            Assert.Equal(10, some["Endpoints"]!.AsArray().Count);
            JsonNode none = (await _fixture.AwsAsync("sagemaker", "list-endpoints", "--name-contains", "EP-1")).EnsureSuccess().Json!;
            Assert.Empty(none["Endpoints"]!.AsArray());
            var refused = await _fixture.AwsAsync("sagemaker", "list-endpoints", "--name-contains", "ep_1");
            Assert.Equal("ValidationException", refused.ErrorCode);
        }

        [Fact]
        public async Task The_client_reads_names_newest_first_and_the_next_token()
        {
            await _fixture.ResetAsync("empty");
            var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 105; i++)
                await _fixture.PostControlAsync("sagemaker/upsert", new JsonObject { ["type"] = "TrainingJob", ["name"] = $"job-{i:000}", ["creationTime"] = t0.AddMinutes(i).ToString("o") });
            using AwsClientFactory factory = EmulatorWireClients.Create(_fixture);
            var client = factory.CreateSageMaker();
            var first = await client.ListNamesAsync(SageMakerNameList.TrainingJobs, "job", null, CancellationToken.None);
            Assert.Equal(100, first.Names.Count);
            Assert.Equal("job-104", first.Names[0]);
            Assert.NotNull(first.NextToken);
            var second = await client.ListNamesAsync(SageMakerNameList.TrainingJobs, "job", first.NextToken, CancellationToken.None);
            Assert.Equal(new[] { "job-004", "job-003", "job-002", "job-001", "job-000" }, second.Names);
            Assert.Null(second.NextToken);
        }
    }
}
