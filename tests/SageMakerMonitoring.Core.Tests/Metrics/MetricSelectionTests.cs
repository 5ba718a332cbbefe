using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    /// <summary>Metrics given as objects (Find-SageMakerMetric piped on): grouping and reading exactly those.</summary>
    public class MetricSelectionTests
    {
        private static MetricInfo JobMetric(string job, int host, string name) => new MetricInfo(
            new MetricIdentity(MetricCatalog.TrainingJobsNamespace, name, new[] { new MetricDimension("Host", job + "/algo-" + host) }),
            SageMakerResourceType.TrainingJob, job, "algo-" + host, null, MetricCatalog.Find(SageMakerResourceType.TrainingJob, MetricCatalog.TrainingJobsNamespace, name));

        private static MetricInfo VariantMetric(string endpoint, string variant, string name) => new MetricInfo(
            new MetricIdentity("AWS/SageMaker", name, new[] { new MetricDimension("EndpointName", endpoint), new MetricDimension("VariantName", variant) }),
            SageMakerResourceType.Endpoint, endpoint, null, variant, null);

        [Fact]
        public void Known_metrics_group_by_resource_in_order_of_first_appearance_and_drop_duplicates()
        {
            var a1 = JobMetric("a", 1, "CPUUtilization");
            var selections = MetricSelection.ForMetrics(new[] { a1, VariantMetric("e", "Primary", "Invocations"), JobMetric("a", 2, "CPUUtilization"), a1 });
            Assert.Equal(2, selections.Count);
            Assert.Equal(SageMakerResourceType.TrainingJob, selections[0].ResourceType);
            Assert.Equal("a", selections[0].ResourceName);
            Assert.Equal(new[] { "algo-1", "algo-2" }, selections[0].Metrics!.Select(m => m.Host));
            Assert.Equal(SageMakerResourceType.Endpoint, selections[1].ResourceType);
            Assert.Equal("Primary", selections[1].VariantName);
        }

        [Fact]
        public void A_variant_is_named_only_when_every_metric_is_of_it()
        {
            var selection = Assert.Single(MetricSelection.ForMetrics(new[] { VariantMetric("e", "Primary", "Invocations"), VariantMetric("e", "Shadow", "Invocations") }));
            Assert.Null(selection.VariantName);
        }

        [Fact]
        public void Watching_needs_the_metrics_of_one_resource()
        {
            MetricSelection.RequireOneResource(MetricSelection.ForMetrics(new[] { JobMetric("a", 1, "CPUUtilization"), JobMetric("a", 2, "GPUUtilization") }));
            var ex = Assert.Throws<SageMakerMonitoring.Core.Infrastructure.MonitoringException>(() =>
                MetricSelection.RequireOneResource(MetricSelection.ForMetrics(new[] { JobMetric("a", 1, "CPUUtilization"), JobMetric("b", 1, "CPUUtilization") })));
            Assert.Equal("MetricsOfSeveralResources", ex.ErrorId);
            Assert.Equal(SageMakerMonitoring.Core.Infrastructure.ErrorKind.InvalidArgument, ex.Kind);
            Assert.Contains("'a'", ex.Message);
            Assert.Contains("'b'", ex.Message);
            Assert.NotNull(ex.RecommendedAction);
        }

        [Fact]
        public async Task Known_metrics_are_read_as_given_without_listing()
        {
            var cloudWatch = new ScriptedCloudWatch();
            var resolver = new MetricSeriesResolver(cloudWatch, (ISageMakerClient?)null);
            var selection = MetricSelection.ForMetrics(new[] { JobMetric("a", 2, "GPUUtilization"), JobMetric("a", 1, "CPUUtilization") })[0];
            var resolution = await resolver.ResolveAsync(selection, null, CancellationToken.None);
            Assert.Equal(new[] { "CPUUtilization", "GPUUtilization" }, resolution.Metrics.Select(m => m.MetricName));
            var narrowed = await resolver.ResolveAsync(selection, new[] { "GPUUtilization", "DiskUtilization" }, CancellationToken.None);
            Assert.Equal("GPUUtilization", Assert.Single(narrowed.Metrics).MetricName);
            Assert.Equal(new[] { "DiskUtilization" }, narrowed.MissingMetricNames);
            var listed = new System.Collections.Generic.List<MetricInfo>();
            await foreach (var m in resolver.ListAsync(selection, recentlyActive: false)) listed.Add(m);
            Assert.Equal(2, listed.Count);
            Assert.Equal(0, resolver.ListRequests);
        }
    }
}
