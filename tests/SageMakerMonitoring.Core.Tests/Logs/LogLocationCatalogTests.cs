using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    public class LogLocationCatalogTests
    {
        [Theory]
        [InlineData(SageMakerResourceType.TrainingJob, "demo-train-resnet50", "/aws/sagemaker/TrainingJobs", "demo-train-resnet50/")]
        [InlineData(SageMakerResourceType.ProcessingJob, "demo-preprocess", "/aws/sagemaker/ProcessingJobs", "demo-preprocess/")]
        [InlineData(SageMakerResourceType.TransformJob, "demo-batch-score", "/aws/sagemaker/TransformJobs", "demo-batch-score/")]
        [InlineData(SageMakerResourceType.NotebookInstance, "demo-notebook", "/aws/sagemaker/NotebookInstances", "demo-notebook/")]
        [InlineData(SageMakerResourceType.InferenceRecommendationsJob, "ir-1", "/aws/sagemaker/InferenceRecommendationsJobs", "ir-1/")]
        [InlineData(SageMakerResourceType.LabelingJob, "label-1", "/aws/sagemaker/LabelingJobs", "label-1")]
        [InlineData(SageMakerResourceType.StudioApp, "d-abc123/alice/JupyterServer/default", "/aws/sagemaker/studio", "d-abc123/alice/JupyterServer/default")]
        public void SharedGroupResourcesGetTheirPrefix(SageMakerResourceType type, string name, string group, string prefix)
        {
            var location = LogLocationCatalog.For(SageMakerResource.Create(type, name));
            Assert.Equal(group, location.LogGroupName);
            Assert.Equal(prefix, location.LogStreamNamePrefix);
            Assert.Equal(LogLocationCatalog.LayoutOf(group), location.Layout);
        }

        [Fact]
        public void EndpointHasItsOwnGroupAndVariantPrefix()
        {
            var all = LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.Endpoint, "demo-churn-endpoint"));
            Assert.Equal("/aws/sagemaker/Endpoints/demo-churn-endpoint", all.LogGroupName);
            Assert.Null(all.LogStreamNamePrefix);
            Assert.True(all.PrefixIsExact);
            var variant = LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.Endpoint, "demo-churn-endpoint", "Pipeline"));
            Assert.Equal("Pipeline/", variant.LogStreamNamePrefix);
            Assert.True(variant.Matches("Pipeline/i-0a1b2c3d4e5f60003/container-1"));
            Assert.False(variant.Matches("Primary/i-0a1b2c3d4e5f60001"));
        }

        [Fact]
        public void JobPrefixDoesNotSelectAnotherJobWithTheSameStart()
        {
            var location = LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job-1"));
            Assert.True(location.PrefixIsExact);
            Assert.True(location.Matches("job-1/algo-1-1714550000"));
            Assert.False(location.Matches("job-10/algo-1-1714550000"));
        }

        [Fact]
        public void WholeSegmentPrefixesAreExactOnlyWithMatches()
        {
            var labeling = LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.LabelingJob, "label-1"));
            Assert.False(labeling.PrefixIsExact);
            Assert.True(labeling.Matches("label-1"));
            Assert.False(labeling.Matches("label-10"));

            var studio = LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.StudioApp, "d-abc123/alice"));
            Assert.True(studio.Matches("d-abc123/alice/JupyterServer/default"));
            Assert.False(studio.Matches("d-abc123/alice2/JupyterServer/default"));
        }

        [Fact]
        public void CustomGroupKeepsItsLayout()
        {
            var location = LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.Custom, "/aws/sagemaker/Endpoints/x"));
            Assert.Equal(LogStreamLayout.Endpoint, location.Layout);
            Assert.Null(location.LogStreamNamePrefix);
            Assert.Equal(LogStreamLayout.Unknown, LogLocationCatalog.LayoutOf("/my/app"));
        }

        [Fact]
        public void InferenceComponentsHaveNoGroupOfTheirOwn()
        {
            var ex = Assert.Throws<MonitoringException>(() => LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.InferenceComponent, "ic-1")));
            Assert.Equal("LogsNotAvailable", ex.ErrorId);
        }

        [Theory]
        [InlineData("/aws/sagemaker/TrainingJobs", LogStreamLayout.TrainingJob)]
        [InlineData("/aws/sagemaker/ProcessingJobs", LogStreamLayout.ProcessingJob)]
        [InlineData("/aws/sagemaker/TransformJobs", LogStreamLayout.TransformJob)]
        [InlineData("/aws/sagemaker/Endpoints/ep", LogStreamLayout.Endpoint)]
        [InlineData("/aws/sagemaker/NotebookInstances", LogStreamLayout.NotebookInstance)]
        [InlineData("/aws/sagemaker/studio", LogStreamLayout.StudioApp)]
        [InlineData("/aws/sagemaker/LabelingJobs", LogStreamLayout.LabelingJob)]
        [InlineData("/aws/sagemaker/InferenceRecommendationsJobs", LogStreamLayout.InferenceRecommendationsJob)]
        [InlineData("/aws/sagemaker/CompilationJobs", LogStreamLayout.CompilationJob)]
        [InlineData("/aws/sagemaker/Clusters/c/id", LogStreamLayout.Cluster)]
        [InlineData("/aws/sagemaker/groundtruth/WorkerActivity", LogStreamLayout.Unknown)]
        [InlineData("/aws/sagemaker/Endpoints/", LogStreamLayout.Unknown)]
        public void LayoutOfEveryGroup(string group, LogStreamLayout layout) => Assert.Equal(layout, LogLocationCatalog.LayoutOf(group));
    }
}
