using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>The SageMaker List* calls of the module's client against the emulator, with the AWS CLI (botocore's
    /// request validation and paginators) reading the same answers as the independent reference.</summary>
    public sealed class SageMakerResourceListerTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public SageMakerResourceListerTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private async Task Seed()
        {
            await _emulator.ResetAsync("demo");
            var start = DateTime.UtcNow.AddHours(-5);
            for (var i = 1; i <= 5; i++)
            {
                await _emulator.PostControlAsync("sagemaker/upsert", new JsonObject
                {
                    ["type"] = "TrainingJob",
                    ["name"] = "lister-job-" + i,
                    ["status"] = "Completed",
                    ["creationTime"] = start.AddMinutes(i).ToString("o"),
                });
            }
        }

        private static async Task<List<string>> ListAll(ISageMakerClient lister, SageMakerNameList kind, string? contains)
        {
            var names = new List<string>();
            string? token = null;
            do
            {
                var page = await lister.ListNamesAsync(kind, contains, token, CancellationToken.None);
                Assert.True(page.Names.Count <= 100);
                names.AddRange(page.Names);
                token = page.NextToken;
            }
            while (token != null);
            return names;
        }

        [Fact]
        public async Task Training_jobs_page_newest_first_and_agree_with_the_aws_cli()
        {
            await Seed();
            using var factory = EmulatorWireClients.Create(_emulator);
            var lister = factory.CreateSageMaker();

            var names = await ListAll(lister, SageMakerNameList.TrainingJobs, "lister-job");
            Assert.Equal(new[] { "lister-job-5", "lister-job-4", "lister-job-3", "lister-job-2", "lister-job-1" }, names);

            var cli = (await _emulator.AwsAsync("sagemaker", "list-training-jobs", "--name-contains", "lister-job", "--sort-by", "CreationTime",
                "--sort-order", "Descending", "--page-size", "2")).EnsureSuccess().Json!;
            var cliNames = cli["TrainingJobSummaries"]!.AsArray().Select(s => s!["TrainingJobName"]!.GetValue<string>()).ToList();
            Assert.Equal(cliNames, names);
            Assert.All(cli["TrainingJobSummaries"]!.AsArray(), s =>
            {
                Assert.NotNull(s!["TrainingJobArn"]);
                Assert.NotNull(s["CreationTime"]);
                Assert.Equal("Completed", s["TrainingJobStatus"]!.GetValue<string>());
            });
        }

        [Theory]
        [InlineData(SageMakerNameList.ProcessingJobs, "list-processing-jobs", "ProcessingJobSummaries", "ProcessingJobName")]
        [InlineData(SageMakerNameList.TransformJobs, "list-transform-jobs", "TransformJobSummaries", "TransformJobName")]
        [InlineData(SageMakerNameList.Endpoints, "list-endpoints", "Endpoints", "EndpointName")]
        [InlineData(SageMakerNameList.NotebookInstances, "list-notebook-instances", "NotebookInstances", "NotebookInstanceName")]
        public async Task Every_kind_lists_the_demo_world_as_the_aws_cli_sees_it(SageMakerNameList kind, string cliOperation, string member, string nameMember)
        {
            await _emulator.ResetAsync("demo");
            using var factory = EmulatorWireClients.Create(_emulator);
            var lister = factory.CreateSageMaker();
            var names = await ListAll(lister, kind, null);
            Assert.NotEmpty(names);
            var cli = (await _emulator.AwsAsync("sagemaker", cliOperation)).EnsureSuccess().Json!;
            var cliNames = cli[member]!.AsArray().Select(s => s![nameMember]!.GetValue<string>()).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(cliNames, names.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_filter_SageMaker_would_refuse_lists_without_it()
        {
            await _emulator.ResetAsync("demo");
            using var factory = EmulatorWireClients.Create(_emulator);
            var lister = factory.CreateSageMaker();
            var page = await lister.ListNamesAsync(SageMakerNameList.TrainingJobs, "demo_*", null, CancellationToken.None);
            Assert.Contains("demo-train-resnet50", page.Names);
        }
    }
}
