using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    public class MetricCatalogTests
    {
        [Fact]
        public void JobsDefaultToTheirUtilizationMetrics()
        {
            Assert.Equal(new[] { "CPUUtilization", "DiskUtilization", "GPUMemoryUtilization", "GPUUtilization", "MemoryUtilization" },
                MetricCatalog.DefaultsFor(SageMakerResourceType.TrainingJob).Select(d => d.MetricName).OrderBy(n => n));
            Assert.DoesNotContain(MetricCatalog.For(SageMakerResourceType.TransformJob), d => d.MetricName == "DiskUtilization");
            Assert.All(MetricCatalog.For(SageMakerResourceType.ProcessingJob), d => Assert.Equal("/aws/sagemaker/ProcessingJobs", d.Namespace));
        }

        [Fact]
        public void EndpointsDefaultToInvocationAndLatencyMetrics()
        {
            var defaults = MetricCatalog.DefaultsFor(SageMakerResourceType.Endpoint).ToList();
            Assert.Contains(defaults, d => d.MetricName == "Invocations" && d.DefaultStatistic == "Sum");
            Assert.Contains(defaults, d => d.MetricName == "ModelLatency" && d.Unit == "Microseconds" && d.SupportsPercentiles);
            Assert.All(defaults, d => Assert.Equal("AWS/SageMaker", d.Namespace));
            // Instance metrics live in their own namespace and are found by name.
            Assert.Equal("/aws/sagemaker/Endpoints", Assert.Single(MetricCatalog.Find(SageMakerResourceType.Endpoint, "cpuutilization")).Namespace);
            Assert.Equal(MetricDimensionLayout.EndpointVariantContainer, Assert.Single(MetricCatalog.Find(SageMakerResourceType.Endpoint, "ContainerLatency")).Layout);
        }

        [Theory]
        [InlineData("average", "Average")]
        [InlineData("MAX", "Maximum")]
        [InlineData("samplecount", "SampleCount")]
        [InlineData("p99", "p99")]
        [InlineData("P99.9", "p99.9")]
        [InlineData("p50.00", "p50")]
        public void StatisticsAreNormalized(string typed, string expected) => Assert.Equal(expected, MetricStatistic.Normalize(typed));

        [Theory]
        [InlineData("p101")]
        [InlineData("median")]
        [InlineData("")]
        public void UnknownStatisticsAreErrors(string typed) => Assert.Equal("InvalidStatistic", Assert.Throws<MonitoringException>(() => MetricStatistic.Normalize(typed)).ErrorId);

        [Fact]
        public void ListedHostsBelongToTheJobOnlyByExactPrefix()
        {
            var selection = MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job"));
            MetricIdentity Host(string v) => new MetricIdentity(MetricCatalog.TrainingJobsNamespace, "CPUUtilization", new[] { new MetricDimension("Host", v) });
            Assert.Equal("algo-3", MetricSeriesResolver.ToInfo(selection, Host("job/algo-3"))!.Host);
            Assert.Null(MetricSeriesResolver.ToInfo(selection, Host("job-2/algo-1")));
            Assert.Null(MetricSeriesResolver.ToInfo(selection, Host("jo/algo-1")));
            Assert.Null(MetricSeriesResolver.ToInfo(selection, Host("job/")));
        }

        [Fact]
        public void EndpointMetricsCarryVariantAndContainer()
        {
            var selection = MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.Endpoint, "ep"));
            var info = MetricSeriesResolver.ToInfo(selection, new MetricIdentity("AWS/SageMaker", "ContainerLatency",
                new[] { new MetricDimension("EndpointName", "ep"), new MetricDimension("VariantName", "Pipeline"), new MetricDimension("ContainerName", "container-1") }))!;
            Assert.Equal("Pipeline", info.VariantName);
            Assert.Equal("container-1", info.Host);
            Assert.Null(MetricSeriesResolver.ToInfo(selection, new MetricIdentity("AWS/SageMaker", "Invocations",
                new[] { new MetricDimension("EndpointName", "other"), new MetricDimension("VariantName", "Primary") })));
        }

        [Fact]
        public void SimilarNamesRankCloseOnesFirst()
        {
            var ranked = SimilarNames.Rank("demo-train-resnet", new[] { "demo-train-resnet50", "demo-preprocess", "zzz", "other-job" });
            Assert.Equal("demo-train-resnet50", ranked[0]);
            Assert.DoesNotContain("zzz", ranked);
        }
    }
}
