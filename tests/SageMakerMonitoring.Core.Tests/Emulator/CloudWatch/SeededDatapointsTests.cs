using System.Linq;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>The "datapoints" control action (series into any namespace, as AWS itself publishes them) and the
    /// served-datapoints counter of "stats".</summary>
    public class SeededDatapointsTests
    {
        private static readonly (string, string)[] Variant = { ("EndpointName", "ep"), ("VariantName", "AllTraffic") };

        private static JsonObject Series(string ns, string name, long start, JsonArray values, string unit = "Percent") => new JsonObject
        {
            ["namespace"] = ns,
            ["metricName"] = name,
            ["unit"] = unit,
            ["dimensions"] = new JsonObject { ["EndpointName"] = "ep", ["VariantName"] = "AllTraffic" },
            ["start"] = start,
            ["step"] = 60,
            ["values"] = values,
        };

        [Fact]
        public void WritesIntoAwsNamespacesWithOneSampleAnInstance()
        {
            var bench = new CloudWatchBench();
            var start = bench.Now - 600;
            var body = new JsonObject
            {
                ["series"] = new JsonArray(
                    Series("/aws/sagemaker/Endpoints", "CPUUtilization", start, new JsonArray(new JsonArray(20, 40), new JsonArray(8, 120), null)),
                    Series("AWS/SageMaker", "Invocations", start, new JsonArray(1000, 1000, 1000), "None")),
            };
            Assert.True(bench.Service.TryControl("datapoints", body, out var result));
            Assert.Equal("{\"series\":2,\"datapoints\":7}", result!.ToJsonString());

            // PutMetricData refuses the AWS/ namespace; the control route is the only way in.
            Assert.StartsWith("InvalidParameterValue", bench.Fails("PutMetricData",
                "{\"Namespace\":\"AWS/SageMaker\",\"MetricData\":[{\"MetricName\":\"Invocations\",\"Value\":1}]}").Code);

            var stats = bench.Statistics("/aws/sagemaker/Endpoints", "CPUUtilization", Variant, start, start + 180, 60, "[\"Average\",\"Maximum\",\"SampleCount\"]");
            var byTime = stats.Select(p => p!.AsObject()).OrderBy(p => p["Timestamp"]!.GetValue<System.DateTime>()).ToList();
            Assert.Equal(2, byTime.Count); // the third minute is a gap
            Assert.Equal((30.0, 40.0, 2.0), (byTime[0]["Average"]!.GetValue<double>(), byTime[0]["Maximum"]!.GetValue<double>(), byTime[0]["SampleCount"]!.GetValue<double>()));
            Assert.Equal((64.0, 120.0), (byTime[1]["Average"]!.GetValue<double>(), byTime[1]["Maximum"]!.GetValue<double>()));
        }

        [Fact]
        public void ChecksEverythingBeforeStoringAnything()
        {
            var bench = new CloudWatchBench();
            var start = bench.Now - 600;
            var body = new JsonObject
            {
                ["series"] = new JsonArray(
                    Series("AWS/SageMaker", "Invocations", start, new JsonArray(1, 2), "None"),
                    Series("AWS/SageMaker", "ModelLatency", start, new JsonArray(1, "fast"), "Microseconds")),
            };
            var error = Assert.Throws<AwsErrorException>(() => bench.Service.TryControl("datapoints", body, out _));
            Assert.Contains("series[1].values[1]", error.Message);
            Assert.True(bench.Service.TryControl("stats", new JsonObject(), out var stats));
            Assert.Equal(0, stats!["datapoints"]!.GetValue<long>());
        }

        [Fact]
        public void StatsCountTheDatapointsGetMetricDataServed()
        {
            var bench = new CloudWatchBench();
            var start = bench.Now - 600;
            bench.Service.TryControl("datapoints", new JsonObject
            {
                ["series"] = new JsonArray(Series("AWS/SageMaker", "Invocations", start, new JsonArray(5, 6, 7, 8), "None")),
            }, out _);
            var query = CloudWatchBench.Query("a", "AWS/SageMaker", "Invocations", Variant, 60, "Sum");
            var merged = CloudWatchBench.Merge(bench.AllPages(query, start, start + 600));
            Assert.Equal(new[] { 5.0, 6, 7, 8 }, merged["a"].Select(p => p.Value).OrderBy(v => v));
            Assert.True(bench.Service.TryControl("stats", new JsonObject(), out var stats));
            Assert.Equal(4, stats!["servedDatapoints"]!.GetValue<long>());
            bench.Service.Reset();
            bench.Service.TryControl("stats", new JsonObject(), out stats);
            Assert.Equal(0, stats!["servedDatapoints"]!.GetValue<long>());
        }
    }
}
