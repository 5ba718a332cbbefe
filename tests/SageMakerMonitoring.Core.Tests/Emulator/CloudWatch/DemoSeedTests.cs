using System;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    public class DemoSeedTests
    {
        private const string Training = "/aws/sagemaker/TrainingJobs";
        private const long Minute = 60;

        private static CloudWatchBench Seeded()
        {
            var bench = new CloudWatchBench();
            bench.Service.Seed("demo");
            return bench;
        }

        private static (string, string)[] Host(int n) => new[] { ("Host", $"demo-train-resnet50/algo-{n}") };

        private static double Average(CloudWatchBench bench, string metric, int host, long from, long to)
        {
            var points = bench.Statistics(Training, metric, Host(host), from, to, 60, "[\"Sum\",\"SampleCount\"]");
            Assert.Equal((to - from) / 60, points.Count);
            return points.Sum(p => p!["Sum"]!.GetValue<double>()) / points.Sum(p => p!["SampleCount"]!.GetValue<double>());
        }

        [Fact]
        public void TrainingJobHasFiveMetricsOnFourHosts()
        {
            var bench = Seeded();
            var metrics = bench.CallObject("ListMetrics", $"{{\"Namespace\":\"{Training}\"}}")["Metrics"]!.AsArray();
            Assert.Equal(20, metrics.Count);
            var hosts = metrics.Select(m => m!["Dimensions"]![0]!["Value"]!.GetValue<string>()).Distinct().OrderBy(h => h);
            Assert.Equal(Enumerable.Range(1, 4).Select(i => $"demo-train-resnet50/algo-{i}"), hosts);
            Assert.Equal(new[] { "CPUUtilization", "DiskUtilization", "GPUMemoryUtilization", "GPUUtilization", "MemoryUtilization" },
                metrics.Select(m => m!["MetricName"]!.GetValue<string>()).Distinct().OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void TrainingDataIsOneSecondForTwoHours()
        {
            var bench = Seeded();
            var now = bench.Now;
            var pages = bench.AllPages(CloudWatchBench.Query("g", Training, "GPUUtilization", Host(1), 1, "Average"), now - 7200, now,
                "TimestampAscending", maxDatapoints: 5000);
            var points = CloudWatchBench.Merge(pages)["g"];
            Assert.Equal(7200, points.Count);
            Assert.Equal(now - 7200, points.First().Time);
            Assert.Equal(now - 1, points.Last().Time);
            Assert.All(points, p => Assert.InRange(p.Value, 0, 400));
        }

        [Fact]
        public void DataLoaderStallShowsOnEveryHost()
        {
            var bench = Seeded();
            var now = bench.Now;
            for (var host = 1; host <= 4; host++)
            {
                Assert.InRange(Average(bench, "GPUUtilization", host, now - 70 * Minute, now - 62 * Minute), 5, 15);
                Assert.InRange(Average(bench, "CPUUtilization", host, now - 70 * Minute, now - 62 * Minute), 2850, 3150);
                Assert.InRange(Average(bench, "CPUUtilization", host, now - 120 * Minute, now - 72 * Minute), 700, 1200);
            }
        }

        [Fact]
        public void Algo3RunsItsGpusAtAboutAQuarter()
        {
            var bench = Seeded();
            var now = bench.Now;
            foreach (var host in new[] { 1, 2, 4 })
            {
                Assert.InRange(Average(bench, "GPUUtilization", host, now - 60 * Minute, now), 330, 390);
            }
            Assert.InRange(Average(bench, "GPUUtilization", 3, now - 60 * Minute, now), 80, 100);
        }

        [Fact]
        public void EndpointHasADayOfMinuteMetricsWithWorkingPercentiles()
        {
            var bench = Seeded();
            var now = bench.Now;
            (string, string)[] Variant(string v) => new[] { ("EndpointName", "demo-churn-endpoint"), ("VariantName", v) };
            var queries = string.Join(",",
                CloudWatchBench.Query("inv", "AWS/SageMaker", "Invocations", Variant("Primary"), 60, "Sum"),
                CloudWatchBench.Query("p50", "AWS/SageMaker", "ModelLatency", Variant("Primary"), 3600, "p50"),
                CloudWatchBench.Query("p99", "AWS/SageMaker", "ModelLatency", Variant("Primary"), 3600, "p99"),
                CloudWatchBench.Query("pipe", "AWS/SageMaker", "ModelLatency", Variant("Pipeline"), 3600, "p90"));
            var merged = CloudWatchBench.Merge(bench.AllPages(queries, now - 86400, now));
            Assert.Equal(1440, merged["inv"].Count);
            Assert.All(merged["inv"], p => Assert.InRange(p.Value, 20, 300));
            Assert.Equal(24, merged["p50"].Count);
            var p99 = merged["p99"].ToDictionary(p => p.Time, p => p.Value);
            Assert.All(merged["p50"], p => Assert.True(p99[p.Time] > p.Value * 1.5, "p99 should be well above p50"));
            Assert.All(merged["p50"], p => Assert.InRange(p.Value, 15_000, 40_000));
            Assert.All(merged["pipe"], p => Assert.True(p.Value > 40_000));

            var errors = bench.Statistics("AWS/SageMaker", "Invocation5XXErrors", Variant("Primary"), now - 4 * 3600, now, 3600, "[\"Sum\"]");
            Assert.True(errors.Sum(p => p!["Sum"]!.GetValue<double>()) >= 20);
        }

        [Fact]
        public void PrimaryVariantIsOverProvisionedAndPipelineIsNot()
        {
            // Both variants run on ml.m5.large: 2 vCPUs, so CPUUtilization runs 0-200 % and 20 % per vCPU is 40.
            var bench = Seeded();
            var now = bench.Now;
            (string, string)[] Variant(string v) => new[] { ("EndpointName", "demo-churn-endpoint"), ("VariantName", v) };
            var primary = bench.Statistics("/aws/sagemaker/Endpoints", "CPUUtilization", Variant("Primary"), now - 86400, now, 60, "[\"Maximum\"]");
            var pipeline = bench.Statistics("/aws/sagemaker/Endpoints", "CPUUtilization", Variant("Pipeline"), now - 86400, now, 60, "[\"Maximum\"]");
            Assert.True(primary.Count >= 1439, "Primary has " + primary.Count + " minutes");
            Assert.All(primary, p => Assert.InRange(p!["Maximum"]!.GetValue<double>(), 1, 39.9));
            var busy = pipeline.Count(p => p!["Maximum"]!.GetValue<double>() > 40);
            Assert.True(busy > pipeline.Count / 2, "Pipeline is above 20 % per vCPU in only " + busy + " of " + pipeline.Count + " minutes");
        }

        [Fact]
        public void PipelineVariantHasContainerLatencyPerContainer()
        {
            var bench = Seeded();
            var containers = bench.CallObject("ListMetrics", "{\"Namespace\":\"AWS/SageMaker\",\"MetricName\":\"ContainerLatency\"}")["Metrics"]!.AsArray();
            Assert.Equal(new[] { "container-1", "container-2" },
                containers.Select(m => m!["Dimensions"]!.AsArray().Single(d => d!["Name"]!.GetValue<string>() == "ContainerName")!["Value"]!.GetValue<string>()).OrderBy(c => c));
            Assert.All(containers, m => Assert.Contains(m!["Dimensions"]!.AsArray(),
                d => d!["Name"]!.GetValue<string>() == "VariantName" && d["Value"]!.GetValue<string>() == "Pipeline"));
            var invocationMetrics = bench.CallObject("ListMetrics", "{\"Namespace\":\"AWS/SageMaker\",\"Dimensions\":[{\"Name\":\"VariantName\",\"Value\":\"Primary\"}]}")["Metrics"]!.AsArray();
            Assert.Equal(7, invocationMetrics.Count);
            Assert.Equal(6, bench.CallObject("ListMetrics", "{\"Namespace\":\"/aws/sagemaker/Endpoints\"}")["Metrics"]!.AsArray().Count);
        }

        [Fact]
        public void ProcessingAndTransformJobsHaveMinuteDataAtTheirTimes()
        {
            var bench = Seeded();
            var now = bench.Now;
            var processing = bench.Statistics("/aws/sagemaker/ProcessingJobs", "CPUUtilization", new[] { ("Host", "demo-preprocess/algo-2") },
                now - 6 * 3600, now - 3 * 3600, 60, "[\"SampleCount\"]");
            Assert.Equal(40, processing.Count);
            Assert.All(processing, p => Assert.InRange(CloudWatchBench.TimestampOf(p!), now - 5 * 3600, now - 4 * 3600 - 20 * 60 - 1));

            var transformHost = new[] { ("Host", "demo-batch-score/i-0fedcba9876543210") };
            var transform = bench.Statistics("/aws/sagemaker/TransformJobs", "MemoryUtilization", transformHost, now - 31 * 3600, now - 28 * 3600, 60, "[\"Average\"]");
            Assert.Equal(60, transform.Count);
            var transformMetrics = bench.CallObject("ListMetrics", "{\"Namespace\":\"/aws/sagemaker/TransformJobs\"}")["Metrics"]!.AsArray();
            Assert.DoesNotContain(transformMetrics, m => m!["MetricName"]!.GetValue<string>() == "DiskUtilization");
        }

        [Fact]
        public void SeedingIsDeterministicAndReplacesNotDuplicates()
        {
            var first = Seeded();
            var second = Seeded();
            var now = first.Now;
            var query = CloudWatchBench.Query("m", Training, "MemoryUtilization", Host(2), 60, "Average");
            var a = first.CallObject("GetMetricData", $"{{\"MetricDataQueries\":[{query}],\"StartTime\":{now - 7200},\"EndTime\":{now}}}").ToJsonString();
            var b = second.CallObject("GetMetricData", $"{{\"MetricDataQueries\":[{query}],\"StartTime\":{now - 7200},\"EndTime\":{now}}}").ToJsonString();
            Assert.Equal(a, b);

            Assert.True(first.Service.TryControl("stats", new JsonObject(), out var before));
            first.Service.Seed("demo");
            Assert.True(first.Service.TryControl("stats", new JsonObject(), out var after));
            Assert.Equal(before!.ToJsonString(), after!.ToJsonString());

            first.Service.Reset();
            Assert.Empty(first.CallObject("ListMetrics", "{}")["Metrics"]!.AsArray());
            first.Service.Seed("empty");
            Assert.Empty(first.CallObject("ListMetrics", "{}")["Metrics"]!.AsArray());
            Assert.Throws<ArgumentException>(() => first.Service.Seed("nonsense"));
        }
    }
}
