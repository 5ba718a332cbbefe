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

        [Fact]
        public async Task Status_and_creation_time_filters_select_what_the_aws_cli_selects()
        {
            await _emulator.ResetAsync("demo");
            var start = DateTime.UtcNow.AddHours(-5);
            for (var i = 1; i <= 6; i++)
            {
                await _emulator.PostControlAsync("sagemaker/upsert", new JsonObject
                {
                    ["type"] = "TrainingJob",
                    ["name"] = "filter-job-" + i,
                    ["status"] = i % 2 == 0 ? "Failed" : "Completed",
                    ["creationTime"] = start.AddMinutes(10 * i).ToString("o"),
                });
            }
            using var factory = EmulatorWireClients.Create(_emulator);
            var client = factory.CreateSageMaker();
            var after = start.AddMinutes(25);
            var page = await client.ListSummariesAsync(new SageMakerListFilter(SageMakerNameList.TrainingJobs)
            {
                NameContains = "filter-job",
                StatusEquals = "Failed",
                CreatedAfter = after,
            }, null, CancellationToken.None);
            var names = page.Items.Select(i => i.Name).ToList();
            // Created after +25 min: jobs 3..6; Failed: the even ones.
            Assert.Equal(new[] { "filter-job-4", "filter-job-6" }, names);
            Assert.All(page.Items, i => Assert.Equal("Failed", i.Status));
            Assert.All(page.Items, i => Assert.StartsWith("arn:aws:sagemaker:us-east-1:", i.Arn));

            var cli = (await _emulator.AwsAsync("sagemaker", "list-training-jobs", "--name-contains", "filter-job", "--status-equals", "Failed",
                "--creation-time-after", after.ToString("yyyy-MM-ddTHH:mm:ssZ"), "--sort-order", "Ascending")).EnsureSuccess().Json!;
            var cliNames = cli["TrainingJobSummaries"]!.AsArray().Select(s => s!["TrainingJobName"]!.GetValue<string>()).ToList();
            Assert.Equal(cliNames, names);

            var refused = await _emulator.AwsAsync("sagemaker", "list-training-jobs", "--status-equals", "Running");
            Assert.NotEqual(0, refused.ExitCode);
        }
    }
}
