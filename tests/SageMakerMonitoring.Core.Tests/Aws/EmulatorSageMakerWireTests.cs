using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>The SageMaker Describe calls against the emulator's demo world over HTTP, and the service's error for unknown names.</summary>
    public sealed class EmulatorSageMakerWireTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public EmulatorSageMakerWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public async Task Describe_calls_return_the_seeded_resources_with_times_and_status()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ISageMakerClient client = factory.CreateSageMaker();

            SageMakerJobDescription training = await client.DescribeTrainingJobAsync("demo-train-resnet50", CancellationToken.None);
            Assert.Equal("demo-train-resnet50", training.Name);
            Assert.Matches("^arn:aws:sagemaker:us-east-1:[0-9]{12}:training-job/demo-train-resnet50$", training.Arn);
            Assert.Equal("InProgress", training.Status);
            Assert.False(training.IsTerminal);
            Assert.Equal(now.AddHours(-2), training.StartTime);
            Assert.Equal(DateTimeKind.Utc, training.StartTime!.Value.Kind);
            Assert.Null(training.EndTime);
            Assert.Equal(now.AddMinutes(-125), training.CreationTime);
            Assert.Equal(4, training.InstanceCount);
            Assert.Equal("ml.p3.8xlarge", training.InstanceType);

            SageMakerJobDescription processing = await client.DescribeProcessingJobAsync("demo-preprocess", CancellationToken.None);
            Assert.Equal("Completed", processing.Status);
            Assert.True(processing.IsTerminal);
            Assert.Equal(now.AddHours(-5), processing.StartTime);
            Assert.Equal(now.AddMinutes(-260), processing.EndTime);
            Assert.Equal(2, processing.InstanceCount);
            Assert.Equal("ml.m5.xlarge", processing.InstanceType);

            SageMakerJobDescription transform = await client.DescribeTransformJobAsync("demo-batch-score", CancellationToken.None);
            Assert.Equal("Completed", transform.Status);
            Assert.Equal(now.AddHours(-30), transform.StartTime);
            Assert.Equal(now.AddHours(-29), transform.EndTime);
            Assert.Equal(1, transform.InstanceCount);

            EndpointDescription endpoint = await client.DescribeEndpointAsync("demo-churn-endpoint", CancellationToken.None);
            Assert.Equal("InService", endpoint.Status);
            Assert.Equal("demo-churn-config", endpoint.EndpointConfigName);
            Assert.Equal(now.AddDays(-10), endpoint.CreationTime);
            Assert.Equal(new[] { ("Primary", (int?)2), ("Pipeline", (int?)1) },
                endpoint.Variants.Select(v => (v.VariantName, v.CurrentInstanceCount)));

            NotebookInstanceDescription notebook = await client.DescribeNotebookInstanceAsync("demo-notebook", CancellationToken.None);
            Assert.Equal("InService", notebook.Status);
            Assert.Equal("demo-lcc", notebook.LifecycleConfigName);
            Assert.Equal("ml.t3.medium", notebook.InstanceType);
            Assert.Matches("^arn:aws:sagemaker:us-east-1:[0-9]{12}:notebook-instance/demo-notebook$", notebook.Arn);
        }

        [Fact]
        public async Task Unknown_names_answer_the_service_error_code_for_every_describe_call()
        {
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ISageMakerClient client = factory.CreateSageMaker();
            var calls = new (string Operation, Func<Task> Call)[]
            {
                ("DescribeTrainingJob", () => client.DescribeTrainingJobAsync("no-such-job", CancellationToken.None)),
                ("DescribeProcessingJob", () => client.DescribeProcessingJobAsync("no-such-job", CancellationToken.None)),
                ("DescribeTransformJob", () => client.DescribeTransformJobAsync("no-such-job", CancellationToken.None)),
                ("DescribeEndpoint", () => client.DescribeEndpointAsync("no-such-endpoint", CancellationToken.None)),
                ("DescribeNotebookInstance", () => client.DescribeNotebookInstanceAsync("no-such-notebook", CancellationToken.None)),
            };
            foreach ((string operation, Func<Task> call) in calls)
            {
                AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(call);
                Assert.Equal("ValidationException", error.ErrorCode);
                Assert.Equal(400, error.StatusCode);
                Assert.Equal("SageMaker", error.Service);
                Assert.Equal(operation, error.Operation);
                Assert.False(string.IsNullOrEmpty(error.RequestId));
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }
        }
    }
}
