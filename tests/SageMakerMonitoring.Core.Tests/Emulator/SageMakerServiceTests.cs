using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class SageMakerServiceTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public SageMakerServiceTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task DescribeTrainingJobGivesTheDemoJob()
        {
            await _fixture.ResetAsync();
            JsonNode job = (await _fixture.AwsAsync("sagemaker", "describe-training-job", "--training-job-name", "demo-train-resnet50")).EnsureSuccess().Json!;
            Assert.Equal("InProgress", job["TrainingJobStatus"]!.GetValue<string>());
            Assert.Equal("Training", job["SecondaryStatus"]!.GetValue<string>());
            Assert.Equal(4, job["ResourceConfig"]!["InstanceCount"]!.GetValue<int>());
            Assert.Equal("ml.p3.8xlarge", job["ResourceConfig"]!["InstanceType"]!.GetValue<string>());
            Assert.Equal("arn:aws:sagemaker:us-east-1:123456789012:training-job/demo-train-resnet50", job["TrainingJobArn"]!.GetValue<string>());
            Assert.Null(job["TrainingEndTime"]);
            DateTime start = DateTimeOffset.Parse(job["TrainingStartTime"]!.GetValue<string>()).UtcDateTime;
            DateTime created = DateTimeOffset.Parse(job["CreationTime"]!.GetValue<string>()).UtcDateTime;
            Assert.Equal(TimeSpan.FromMinutes(5), start - created);
            Assert.InRange(DateTime.UtcNow - start, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(125));
        }

        [Fact]
        public async Task DescribeOtherDemoResources()
        {
            await _fixture.ResetAsync();
            JsonNode processing = (await _fixture.AwsAsync("sagemaker", "describe-processing-job", "--processing-job-name", "demo-preprocess")).EnsureSuccess().Json!;
            Assert.Equal("Completed", processing["ProcessingJobStatus"]!.GetValue<string>());
            Assert.Equal(2, processing["ProcessingResources"]!["ClusterConfig"]!["InstanceCount"]!.GetValue<int>());
            Assert.Equal(TimeSpan.FromMinutes(40),
                DateTimeOffset.Parse(processing["ProcessingEndTime"]!.GetValue<string>()) - DateTimeOffset.Parse(processing["ProcessingStartTime"]!.GetValue<string>()));

            JsonNode endpoint = (await _fixture.AwsAsync("sagemaker", "describe-endpoint", "--endpoint-name", "demo-churn-endpoint")).EnsureSuccess().Json!;
            Assert.Equal("InService", endpoint["EndpointStatus"]!.GetValue<string>());
            Assert.Equal("demo-churn-config", endpoint["EndpointConfigName"]!.GetValue<string>());
            Assert.Equal("Primary", endpoint["ProductionVariants"]![0]!["VariantName"]!.GetValue<string>());
            Assert.Equal(2, endpoint["ProductionVariants"]![0]!["CurrentInstanceCount"]!.GetValue<int>());
            Assert.Equal("Pipeline", endpoint["ProductionVariants"]![1]!["VariantName"]!.GetValue<string>());

            JsonNode notebook = (await _fixture.AwsAsync("sagemaker", "describe-notebook-instance", "--notebook-instance-name", "demo-notebook")).EnsureSuccess().Json!;
            Assert.Equal("demo-lcc", notebook["NotebookInstanceLifecycleConfigName"]!.GetValue<string>());
            Assert.Equal("ml.t3.medium", notebook["InstanceType"]!.GetValue<string>());

            JsonNode transform = (await _fixture.AwsAsync("sagemaker", "describe-transform-job", "--transform-job-name", "demo-batch-score")).EnsureSuccess().Json!;
            Assert.Equal("Completed", transform["TransformJobStatus"]!.GetValue<string>());
            Assert.Equal(1, transform["TransformResources"]!["InstanceCount"]!.GetValue<int>());
        }

        [Theory]
        [InlineData("describe-training-job", "--training-job-name", "Requested resource not found.")]
        [InlineData("describe-endpoint", "--endpoint-name", "Could not find endpoint \"nope\".")]
        [InlineData("describe-processing-job", "--processing-job-name", "Could not find requested job with name nope")]
        public async Task MissingResourcesAreValidationExceptions(string operation, string parameter, string message)
        {
            AwsCliResult result = await _fixture.AwsAsync("sagemaker", operation, parameter, "nope");
            Assert.Equal("ValidationException", result.ErrorCode);
            Assert.Contains(message, result.Stderr);
        }

        [Fact]
        public async Task UpsertCreatesAndFinishesAJobAndDeleteRemovesIt()
        {
            await _fixture.ResetAsync("empty");
            await _fixture.PostControlAsync("sagemaker/upsert", new JsonObject
            {
                ["type"] = "TrainingJob", ["name"] = "j1", ["status"] = "InProgress", ["startTime"] = "2026-11-28T08:00:00Z", ["instanceCount"] = 2,
            });
            JsonNode running = (await _fixture.AwsAsync("sagemaker", "describe-training-job", "--training-job-name", "j1")).EnsureSuccess().Json!;
            Assert.Equal("InProgress", running["TrainingJobStatus"]!.GetValue<string>());
            Assert.Equal(2, running["ResourceConfig"]!["InstanceCount"]!.GetValue<int>());

            await _fixture.PostControlAsync("sagemaker/upsert", new JsonObject
            {
                ["type"] = "TrainingJob", ["name"] = "j1", ["status"] = "Completed", ["endTime"] = "2026-11-28T09:30:00Z",
            });
            JsonNode done = (await _fixture.AwsAsync("sagemaker", "describe-training-job", "--training-job-name", "j1")).EnsureSuccess().Json!;
            Assert.Equal("Completed", done["TrainingJobStatus"]!.GetValue<string>());
            Assert.Equal("Completed", done["SecondaryStatus"]!.GetValue<string>());
            Assert.Equal(5400, done["TrainingTimeInSeconds"]!.GetValue<int>());
            Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 0, DateTimeKind.Utc), DateTimeOffset.Parse(done["TrainingEndTime"]!.GetValue<string>()).UtcDateTime);

            JsonNode deleted = (await _fixture.PostControlAsync("sagemaker/delete", new JsonObject { ["type"] = "TrainingJob", ["name"] = "j1" }))!;
            Assert.True(deleted["deleted"]!.GetValue<bool>());
            Assert.Equal("ValidationException", (await _fixture.AwsAsync("sagemaker", "describe-training-job", "--training-job-name", "j1")).ErrorCode);

            await _fixture.PostControlAsync("sagemaker/upsert", new JsonObject
            {
                ["type"] = "Endpoint", ["name"] = "ep", ["status"] = "Updating",
                ["variants"] = new JsonArray(new JsonObject { ["name"] = "A", ["instanceCount"] = 3 }),
            });
            JsonNode endpoint = (await _fixture.AwsAsync("sagemaker", "describe-endpoint", "--endpoint-name", "ep")).EnsureSuccess().Json!;
            Assert.Equal("Updating", endpoint["EndpointStatus"]!.GetValue<string>());
            Assert.Equal(3, endpoint["ProductionVariants"]![0]!["DesiredInstanceCount"]!.GetValue<int>());
            await _fixture.ResetAsync();
        }
    }
}
