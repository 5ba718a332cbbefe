using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    public class SyntheticWorkloadTests
    {
        private const string Training = "/aws/sagemaker/TrainingJobs";
        internal static readonly string[] Metrics =
            { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" };

        internal static JsonObject BenchmarkArguments(long end) => JsonNode.Parse(
            "{\"namespace\":\"/aws/sagemaker/TrainingJobs\",\"jobName\":\"bench-train\",\"hosts\":16," +
            "\"metrics\":[\"CPUUtilization\",\"MemoryUtilization\",\"GPUUtilization\",\"GPUMemoryUtilization\",\"DiskUtilization\"]," +
            $"\"seconds\":10800,\"resolution\":1,\"end\":\"{CloudWatchBench.Iso(end)}\"}}")!.AsObject();

        internal static string AllQueries(int period, string stat) => string.Join(",",
            from host in Enumerable.Range(1, 16)
            from metric in Metrics
            select CloudWatchBench.Query($"h{host}_{metric.ToLowerInvariant()}", Training, metric, new[] { ("Host", $"bench-train/algo-{host}") }, period, stat));

        [Fact]
        public void GeneratesTheBenchmarkWorkload()
        {
            var bench = new CloudWatchBench();
            Assert.True(bench.Service.TryControl("synthetic", BenchmarkArguments(bench.Now), out var result));
            Assert.Equal("{\"series\":80,\"datapoints\":864000}", result!.ToJsonString());
            Assert.True(bench.Service.TryControl("stats", new JsonObject(), out var stats));
            Assert.Equal(864000, stats!["datapoints"]!.GetValue<long>());

            var listed = bench.CallObject("ListMetrics", "{\"Namespace\":\"/aws/sagemaker/TrainingJobs\",\"RecentlyActive\":\"PT3H\"}");
            Assert.Equal(80, listed["Metrics"]!.AsArray().Count);
            // Values are smooth and in range; the same seed gives the same data.
            var other = new CloudWatchBench();
            other.Service.TryControl("synthetic", BenchmarkArguments(other.Now), out _);
            var query = CloudWatchBench.Query("a", Training, "GPUUtilization", new[] { ("Host", "bench-train/algo-7") }, 60, "Average");
            var request = $"{{\"MetricDataQueries\":[{query}],\"StartTime\":{bench.Now - 10800},\"EndTime\":{bench.Now}}}";
            var mine = bench.CallObject("GetMetricData", request);
            Assert.Equal(mine.ToJsonString(), other.CallObject("GetMetricData", request).ToJsonString());
            Assert.All(CloudWatchBench.Merge(new[] { mine })["a"], p => Assert.InRange(p.Value, 0, 100));
        }

        [Fact]
        public void DefaultsAndValidation()
        {
            var bench = new CloudWatchBench();
            Assert.True(bench.Service.TryControl("synthetic", JsonNode.Parse("{\"hosts\":2,\"seconds\":600,\"resolution\":60}")!.AsObject(), out var result));
            Assert.Equal("{\"series\":10,\"datapoints\":100}", result!.ToJsonString());
            // Standard resolution: a 1-second period is refused for these metrics.
            var error = bench.Fails("GetMetricStatistics", "{\"Namespace\":\"/aws/sagemaker/TrainingJobs\",\"MetricName\":\"CPUUtilization\"," +
                $"\"Dimensions\":[{{\"Name\":\"Host\",\"Value\":\"bench-train/algo-1\"}}],\"StartTime\":{bench.Now - 600},\"EndTime\":{bench.Now},\"Period\":1,\"Statistics\":[\"Sum\"]}}");
            Assert.Equal("InvalidParameterValue", error.QueryCode);

            Assert.Throws<AwsErrorException>(() => bench.Service.TryControl("synthetic", JsonNode.Parse("{\"hosts\":0}")!.AsObject(), out _));
            Assert.Throws<AwsErrorException>(() => bench.Service.TryControl("synthetic", JsonNode.Parse("{\"hosts\":100000,\"seconds\":100000}")!.AsObject(), out _));
            Assert.False(bench.Service.TryControl("explode", new JsonObject(), out _));
        }
    }
}
