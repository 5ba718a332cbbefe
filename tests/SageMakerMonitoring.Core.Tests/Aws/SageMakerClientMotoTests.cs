using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public sealed class SageMakerClientMotoTests : IClassFixture<MotoServer>
    {
        private const string Role = "arn:aws:iam::123456789012:role/SageMakerRole";
        private const string Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/algo:latest";
        private readonly MotoServer _moto;

        public SageMakerClientMotoTests(MotoServer moto)
        {
            _moto = moto;
        }

        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        [MotoFact]
        public async Task DescribeTrainingJob_reads_status_times_and_resources()
        {
            string name = Unique("train");
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-training-job", "--training-job-name", name,
                "--algorithm-specification", "TrainingImage=" + Image + ",TrainingInputMode=File",
                "--role-arn", Role, "--output-data-config", "S3OutputPath=s3://bucket/out",
                "--resource-config", "InstanceType=ml.m5.xlarge,InstanceCount=2,VolumeSizeInGB=10",
                "--stopping-condition", "MaxRuntimeInSeconds=3600");
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            SageMakerJobDescription job = await factory.CreateSageMaker().DescribeTrainingJobAsync(name, CancellationToken.None);
            Assert.Equal(name, job.Name);
            Assert.EndsWith(":training-job/" + name, job.Arn);
            Assert.False(string.IsNullOrEmpty(job.Status));
            Assert.Equal(2, job.InstanceCount);
            Assert.Equal("ml.m5.xlarge", job.InstanceType);
            Assert.NotNull(job.CreationTime);
            Assert.Equal(DateTimeKind.Utc, job.CreationTime!.Value.Kind);
            Assert.InRange(job.CreationTime.Value, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddMinutes(5));
        }

        [MotoFact]
        public async Task DescribeProcessingJob_reads_name_status_and_times()
        {
            string name = Unique("proc");
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-processing-job", "--processing-job-name", name,
                "--processing-resources", "ClusterConfig={InstanceCount=3,InstanceType=ml.c5.xlarge,VolumeSizeInGB=10}",
                "--app-specification", "ImageUri=" + Image, "--role-arn", Role,
                "--stopping-condition", "MaxRuntimeInSeconds=3600");
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            SageMakerJobDescription job = await factory.CreateSageMaker().DescribeProcessingJobAsync(name, CancellationToken.None);
            // moto omits ProcessingResources from its answer; the ClusterConfig reading is covered by SageMakerOutputParsingTests.
            Assert.Equal(name, job.Name);
            Assert.EndsWith(":processing-job/" + name, job.Arn);
            Assert.Equal("Completed", job.Status);
            Assert.True(job.IsTerminal);
            Assert.NotNull(job.EndTime);
        }

        [MotoFact]
        public async Task DescribeEndpoint_DescribeTransformJob_and_DescribeNotebookInstance_round_trip()
        {
            string model = Unique("model");
            string config = Unique("cfg");
            string endpoint = Unique("ep");
            string transform = Unique("tr");
            string notebook = Unique("nb");
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-model", "--model-name", model,
                "--execution-role-arn", Role, "--primary-container", "Image=" + Image);
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-endpoint-config", "--endpoint-config-name", config,
                "--production-variants", "VariantName=AllTraffic,ModelName=" + model + ",InitialInstanceCount=2,InstanceType=ml.m5.large");
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-endpoint", "--endpoint-name", endpoint, "--endpoint-config-name", config);
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-transform-job", "--transform-job-name", transform, "--model-name", model,
                "--transform-input", "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://bucket/in}}",
                "--transform-output", "S3OutputPath=s3://bucket/out",
                "--transform-resources", "InstanceType=ml.m5.large,InstanceCount=1");
            await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-notebook-instance", "--notebook-instance-name", notebook,
                "--instance-type", "ml.t3.medium", "--role-arn", Role);

            using AwsClientFactory factory = MotoClients.Factory(_moto);
            ISageMakerClient sageMaker = factory.CreateSageMaker();

            EndpointDescription ep = await sageMaker.DescribeEndpointAsync(endpoint, CancellationToken.None);
            Assert.Equal(endpoint, ep.Name);
            Assert.Equal(config, ep.EndpointConfigName);
            Assert.False(string.IsNullOrEmpty(ep.Status));
            Assert.NotNull(ep.CreationTime);
            EndpointVariantDescription variant = Assert.Single(ep.Variants);
            Assert.Equal("AllTraffic", variant.VariantName);

            SageMakerJobDescription job = await sageMaker.DescribeTransformJobAsync(transform, CancellationToken.None);
            Assert.Equal(transform, job.Name);
            Assert.Equal(1, job.InstanceCount);
            Assert.Equal("ml.m5.large", job.InstanceType);

            NotebookInstanceDescription nb = await sageMaker.DescribeNotebookInstanceAsync(notebook, CancellationToken.None);
            Assert.Equal(notebook, nb.Name);
            Assert.Equal("ml.t3.medium", nb.InstanceType);
            Assert.False(string.IsNullOrEmpty(nb.Status));
        }

        [MotoFact]
        public async Task Unknown_training_job_raises_AwsServiceException()
        {
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                factory.CreateSageMaker().DescribeTrainingJobAsync(Unique("missing"), CancellationToken.None));
            Assert.Equal("SageMaker", error.Service);
            Assert.Equal("DescribeTrainingJob", error.Operation);
            Assert.Contains(error.ErrorCode, new[] { "ValidationException", "ResourceNotFound" });
            Assert.Equal(400, error.StatusCode);
        }

        [MotoFact]
        public async Task ListNames_narrows_by_NameContains_as_moto_does()
        {
            string token = Guid.NewGuid().ToString("N").Substring(0, 8);
            foreach (var name in new[] { "lst-" + token + "-a", "lst-" + token + "-b" })
            {
                await AwsCliProcess.RunAsync(_moto.Url, "sagemaker", "create-training-job", "--training-job-name", name,
                    "--algorithm-specification", "TrainingImage=" + Image + ",TrainingInputMode=File",
                    "--role-arn", Role, "--output-data-config", "S3OutputPath=s3://bucket/out",
                    "--resource-config", "InstanceType=ml.m5.xlarge,InstanceCount=1,VolumeSizeInGB=10",
                    "--stopping-condition", "MaxRuntimeInSeconds=3600");
            }
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            SageMakerNamePage page = await factory.CreateSageMaker().ListNamesAsync(SageMakerNameList.TrainingJobs, token, null, CancellationToken.None);
            Assert.Equal(new[] { "lst-" + token + "-a", "lst-" + token + "-b" }, page.Names.OrderBy(n => n));
            SageMakerNamePage none = await factory.CreateSageMaker().ListNamesAsync(SageMakerNameList.Endpoints, token, null, CancellationToken.None);
            Assert.Empty(none.Names);
        }
    }
}
