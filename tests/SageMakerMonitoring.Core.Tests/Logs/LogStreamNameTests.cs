using System;
using SageMakerMonitoring.Core.Catalog;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>Every row of aws-facts §3.1: group layout, the parts parsed out of each stream name, and the source label.</summary>
    public class LogStreamNameTests
    {
        [Fact]
        public void TrainingJobStreamGivesHostAndEpoch()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/TrainingJobs", "xgb-2024-05-01/algo-1-1714550000");
            Assert.Equal(LogStreamLayout.TrainingJob, n.Layout);
            Assert.Equal("xgb-2024-05-01", n.ResourceName);
            Assert.Equal("algo-1", n.Host);
            Assert.Equal(1714550000, n.EpochSeconds);
            Assert.Equal(new DateTime(2024, 5, 1, 7, 53, 20, DateTimeKind.Utc), n.Epoch);
            Assert.Null(n.InstanceId);
            Assert.Equal("algo-1", n.Source);
        }

        [Fact]
        public void TrainingHostWithoutEpochKeepsItsNumber()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/TrainingJobs", "job/algo-12");
            Assert.Equal("algo-12", n.Host);
            Assert.Null(n.EpochSeconds);
        }

        [Fact]
        public void ProcessingJobStreamGivesHostAndEpoch()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/ProcessingJobs", "prep-job-7/algo-2-1714550100");
            Assert.Equal(LogStreamLayout.ProcessingJob, n.Layout);
            Assert.Equal("prep-job-7", n.ResourceName);
            Assert.Equal("algo-2", n.Host);
            Assert.Equal(1714550100, n.EpochSeconds);
        }

        [Fact]
        public void TransformJobStreamGivesInstanceAndEpoch()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/TransformJobs", "score-3/i-0abc123-1714550200");
            Assert.Equal(LogStreamLayout.TransformJob, n.Layout);
            Assert.Equal("score-3", n.ResourceName);
            Assert.Equal("i-0abc123", n.InstanceId);
            Assert.Equal("i-0abc123", n.Host);
            Assert.Equal(1714550200, n.EpochSeconds);
            Assert.False(n.IsDataLog);
            Assert.Null(n.ContainerName);
        }

        [Fact]
        public void TransformJobDataLogStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/TransformJobs", "score-3/i-0abc123-1714550200/data-log");
            Assert.True(n.IsDataLog);
            Assert.Equal("i-0abc123", n.InstanceId);
            Assert.Equal(1714550200, n.EpochSeconds);
            Assert.Null(n.ContainerName);
            Assert.Equal("i-0abc123/data-log", n.Source);
        }

        [Fact]
        public void TransformJobPipelineContainerStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/TransformJobs", "score-3/i-0abc123-1714550200/container-2");
            Assert.Equal("container-2", n.ContainerName);
            Assert.Equal("i-0abc123", n.InstanceId);
            Assert.False(n.IsDataLog);
        }

        [Fact]
        public void EndpointStreamGivesVariantAndInstance()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/Endpoints/churn-ep", "AllTraffic/i-0abc123");
            Assert.Equal(LogStreamLayout.Endpoint, n.Layout);
            Assert.Equal("churn-ep", n.ResourceName);
            Assert.Equal("AllTraffic", n.VariantName);
            Assert.Equal("i-0abc123", n.InstanceId);
            Assert.Equal("i-0abc123", n.Host);
            Assert.Null(n.ContainerName);
            Assert.Equal("AllTraffic/i-0abc123", n.Source);
        }

        [Fact]
        public void AsyncEndpointDataLogStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/Endpoints/churn-ep", "AllTraffic/i-0abc123/data-log");
            Assert.True(n.IsDataLog);
            Assert.Equal("i-0abc123", n.InstanceId);
            Assert.Null(n.ContainerName);
        }

        [Fact]
        public void EndpointPipelineContainerStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/Endpoints/demo-churn-endpoint", "Pipeline/i-0a1b2c3d4e5f60003/container-1");
            Assert.Equal("demo-churn-endpoint", n.ResourceName);
            Assert.Equal("Pipeline", n.VariantName);
            Assert.Equal("i-0a1b2c3d4e5f60003", n.InstanceId);
            Assert.Equal("container-1", n.ContainerName);
        }

        [Fact]
        public void CompilationJobStreamIsTheJob()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/CompilationJobs", "neo-resnet-1");
            Assert.Equal(LogStreamLayout.CompilationJob, n.Layout);
            Assert.Equal("neo-resnet-1", n.ResourceName);
        }

        [Theory]
        [InlineData("LifecycleConfigOnStart")]
        [InlineData("LifecycleConfigOnCreate")]
        public void NotebookLifecycleHookStreams(string hook)
        {
            var n = LogStreamName.Parse("/aws/sagemaker/NotebookInstances", "nb-data/" + hook);
            Assert.Equal(LogStreamLayout.NotebookInstance, n.Layout);
            Assert.Equal("nb-data", n.ResourceName);
            Assert.Equal(hook, n.LifecycleConfigHook);
            Assert.Equal(hook, n.Source);
            Assert.Null(n.Host);
        }

        [Fact]
        public void NotebookJupyterServerStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/NotebookInstances", "nb-data/jupyter.log");
            Assert.Equal("nb-data", n.ResourceName);
            Assert.Null(n.LifecycleConfigHook);
            Assert.Equal("jupyter.log", n.Source);
        }

        [Fact]
        public void StudioUserProfileAppStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/studio", "d-abc123/alice/JupyterServer/default");
            Assert.Equal(LogStreamLayout.StudioApp, n.Layout);
            Assert.Equal("d-abc123", n.StudioDomainId);
            Assert.Equal("alice", n.StudioUserProfileName);
            Assert.Null(n.StudioSpaceName);
            Assert.Equal("JupyterServer", n.StudioAppType);
            Assert.Equal("default", n.StudioAppName);
            Assert.Equal("d-abc123/alice/JupyterServer/default", n.ResourceName);
            Assert.Null(n.LifecycleConfigHook);
            Assert.Equal("alice/JupyterServer/default", n.Source);
        }

        [Fact]
        public void StudioLifecycleConfigStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/studio", "d-abc123/alice/KernelGateway/ds-kernel-1/LifecycleConfigOnStart");
            Assert.Equal("KernelGateway", n.StudioAppType);
            Assert.Equal("ds-kernel-1", n.StudioAppName);
            Assert.Equal("LifecycleConfigOnStart", n.LifecycleConfigHook);
            Assert.Equal("d-abc123/alice/KernelGateway/ds-kernel-1", n.ResourceName);
        }

        [Fact]
        public void StudioSpaceAppStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/studio", "d-abc123/my-space/JupyterLab/default/LifecycleConfigOnStart");
            Assert.Equal("my-space", n.StudioSpaceName);
            Assert.Null(n.StudioUserProfileName);
            Assert.Equal("JupyterLab", n.StudioAppType);
            Assert.Equal("LifecycleConfigOnStart", n.LifecycleConfigHook);
        }

        [Fact]
        public void StudioRStudioSharedStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/studio", "d-abc123/domain-shared/rstudioserverpro/default");
            Assert.Equal("d-abc123", n.StudioDomainId);
            Assert.Null(n.StudioUserProfileName);
            Assert.Null(n.StudioSpaceName);
            Assert.Equal("rstudioserverpro", n.StudioAppType);
            Assert.Equal("default", n.StudioAppName);
        }

        [Fact]
        public void LabelingJobStreamIsTheJob()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/LabelingJobs", "label-cats-1");
            Assert.Equal(LogStreamLayout.LabelingJob, n.Layout);
            Assert.Equal("label-cats-1", n.ResourceName);
        }

        [Fact]
        public void GroundTruthWorkerActivityIsKeptWhole()
        {
            const string stream = "aws/sagemaker/groundtruth/worker-activity/123456789012-us-east-1/1714550000";
            var n = LogStreamName.Parse("/aws/sagemaker/groundtruth/WorkerActivity", stream);
            Assert.Equal(LogStreamLayout.Unknown, n.Layout);
            Assert.Null(n.ResourceName);
            Assert.Equal(stream, n.Source);
        }

        [Theory]
        [InlineData("ir-job-1/execution", "execution")]
        [InlineData("ir-job-1/CompilationJob/neo-7", "CompilationJob/neo-7")]
        [InlineData("ir-job-1/Endpoint/ir-ep-3", "Endpoint/ir-ep-3")]
        public void InferenceRecommenderStreams(string stream, string source)
        {
            var n = LogStreamName.Parse("/aws/sagemaker/InferenceRecommendationsJobs", stream);
            Assert.Equal(LogStreamLayout.InferenceRecommendationsJob, n.Layout);
            Assert.Equal("ir-job-1", n.ResourceName);
            Assert.Equal(source, n.Source);
        }

        [Fact]
        public void HyperPodClusterStream()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/Clusters/my-cluster/abc123", "LifecycleConfig/workers/i-0123456789abcdef0");
            Assert.Equal(LogStreamLayout.Cluster, n.Layout);
            Assert.Equal("my-cluster", n.ResourceName);
            Assert.Equal("i-0123456789abcdef0", n.InstanceId);
            Assert.Equal("workers/i-0123456789abcdef0", n.Source);
        }

        [Fact]
        public void NamesOffTheLayoutKeepTheirWholeNameAsSource()
        {
            var n = LogStreamName.Parse("/aws/sagemaker/TrainingJobs", "no-slash-here");
            Assert.Null(n.ResourceName);
            Assert.Null(n.Host);
            Assert.Equal("no-slash-here", n.Source);
        }
    }
}
