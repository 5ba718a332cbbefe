using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>
    /// Conformance through the real aws CLI (awsJson 1.0 with SigV4) against the emulator with the demo seed.
    /// Each test writes into its own namespace, so the shared server needs no reset.
    /// </summary>
    public sealed class CloudWatchCliTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public CloudWatchCliTests(EmulatorFixture fixture) => _fixture = fixture;

        private static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        private static DateTime MinuteAgo(int minutes)
        {
            var now = DateTime.UtcNow;
            return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(-minutes);
        }

        /// <summary>CLI v1 prints timestamps as the wire gave them (epoch seconds) unless cli_timestamp_format is iso8601.</summary>
        private static DateTime Time(JsonNode? node) =>
            node!.GetValueKind() == System.Text.Json.JsonValueKind.Number
                ? DateTime.UnixEpoch.AddSeconds(node.GetValue<double>())
                : DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime;

        private Task<AwsCliResult> Cw(string operation, params string[] arguments) => _fixture.AwsAsync("cloudwatch", operation, arguments);

        [Fact]
        public async Task HighResolutionDataPutThroughTheCliReadsBackThroughEveryGetOperation()
        {
            var t0 = MinuteAgo(10);
            (await Cw("put-metric-data", "--namespace", "Cli/HighRes", "--metric-data",
                "[{\"MetricName\":\"Steps\",\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h1\"}],\"Timestamp\":\"" + Iso(t0.AddSeconds(1)) + "\"," +
                "\"Values\":[1,2,3],\"Counts\":[1,1,2],\"StorageResolution\":1,\"Unit\":\"Count\"}," +
                "{\"MetricName\":\"Steps\",\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h1\"}],\"Timestamp\":\"" + Iso(t0.AddSeconds(2)) + "\"," +
                "\"Value\":10,\"StorageResolution\":1,\"Unit\":\"Count\"}]")).EnsureSuccess();
            (await Cw("put-metric-data", "--namespace", "Cli/HighRes", "--metric-name", "Steps", "--dimensions", "Host=h1",
                "--value", "7", "--unit", "Count", "--storage-resolution", "1", "--timestamp", Iso(t0.AddSeconds(3)))).EnsureSuccess();

            var statistics = (await Cw("get-metric-statistics", "--namespace", "Cli/HighRes", "--metric-name", "Steps",
                "--dimensions", "Name=Host,Value=h1", "--start-time", Iso(t0), "--end-time", Iso(t0.AddSeconds(10)),
                "--period", "1", "--statistics", "Sum", "SampleCount", "Maximum")).EnsureSuccess().Json!;
            Assert.Equal("Steps", statistics["Label"]!.GetValue<string>());
            var points = statistics["Datapoints"]!.AsArray().OrderBy(p => Time(p!["Timestamp"])).ToList();
            Assert.Equal(new[] { t0.AddSeconds(1), t0.AddSeconds(2), t0.AddSeconds(3) }, points.Select(p => Time(p!["Timestamp"])));
            Assert.Equal(new[] { 9.0, 10.0, 7.0 }, points.Select(p => p!["Sum"]!.GetValue<double>()));
            Assert.Equal(new[] { 4.0, 1.0, 1.0 }, points.Select(p => p!["SampleCount"]!.GetValue<double>()));
            Assert.Equal(3.0, points[0]!["Maximum"]!.GetValue<double>());
            Assert.All(points, p => Assert.Equal("Count", p!["Unit"]!.GetValue<string>()));

            var percentile = (await Cw("get-metric-statistics", "--namespace", "Cli/HighRes", "--metric-name", "Steps",
                "--dimensions", "Name=Host,Value=h1", "--start-time", Iso(t0), "--end-time", Iso(t0.AddSeconds(2)),
                "--period", "1", "--extended-statistics", "p50", "p100")).EnsureSuccess().Json!;
            var extended = percentile["Datapoints"]!.AsArray().Single()!["ExtendedStatistics"]!;
            Assert.Equal(2.0, extended["p50"]!.GetValue<double>());
            Assert.Equal(3.0, extended["p100"]!.GetValue<double>());

            var data = (await Cw("get-metric-data", "--start-time", Iso(t0), "--end-time", Iso(t0.AddSeconds(10)), "--scan-by", "TimestampAscending",
                "--metric-data-queries",
                "[{\"Id\":\"steps\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Cli/HighRes\",\"MetricName\":\"Steps\"," +
                "\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h1\"}]},\"Period\":1,\"Stat\":\"Sum\"}}," +
                "{\"Id\":\"minute\",\"Label\":\"per minute\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Cli/HighRes\",\"MetricName\":\"Steps\"," +
                "\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h1\"}]},\"Period\":60,\"Stat\":\"SampleCount\"}}]")).EnsureSuccess().Json!;
            var results = data["MetricDataResults"]!.AsArray();
            var steps = results.Single(r => r!["Id"]!.GetValue<string>() == "steps")!;
            Assert.Equal("Steps", steps["Label"]!.GetValue<string>());
            Assert.Equal("Complete", steps["StatusCode"]!.GetValue<string>());
            Assert.Equal(new[] { t0.AddSeconds(1), t0.AddSeconds(2), t0.AddSeconds(3) }, steps["Timestamps"]!.AsArray().Select(Time));
            Assert.Equal(new[] { 9.0, 10.0, 7.0 }, steps["Values"]!.AsArray().Select(v => v!.GetValue<double>()));
            var minute = results.Single(r => r!["Id"]!.GetValue<string>() == "minute")!;
            Assert.Equal("per minute", minute["Label"]!.GetValue<string>());
            Assert.Equal(new[] { t0 }, minute["Timestamps"]!.AsArray().Select(Time));
            Assert.Equal(new[] { 6.0 }, minute["Values"]!.AsArray().Select(v => v!.GetValue<double>()));

            var listed = (await Cw("list-metrics", "--namespace", "Cli/HighRes")).EnsureSuccess().Json!["Metrics"]!.AsArray();
            var metric = listed.Single()!;
            Assert.Equal("Steps", metric["MetricName"]!.GetValue<string>());
            Assert.Equal("Host", metric["Dimensions"]![0]!["Name"]!.GetValue<string>());
            Assert.Equal("h1", metric["Dimensions"]![0]!["Value"]!.GetValue<string>());
        }

        [Fact]
        public async Task ServiceErrorsReachTheCliWithCloudWatchCodes()
        {
            var both = await Cw("get-metric-statistics", "--namespace", "Cli/Errors", "--metric-name", "M",
                "--start-time", Iso(MinuteAgo(10)), "--end-time", Iso(MinuteAgo(0)), "--period", "60",
                "--statistics", "Sum", "--extended-statistics", "p99");
            Assert.False(both.Succeeded);
            Assert.Equal("InvalidParameterCombination", both.ErrorCode);

            var tooMany = await Cw("get-metric-statistics", "--namespace", "Cli/Errors", "--metric-name", "M",
                "--start-time", Iso(MinuteAgo(120)), "--end-time", Iso(MinuteAgo(0)), "--period", "1", "--statistics", "Sum");
            Assert.Equal("InvalidParameterCombination", tooMany.ErrorCode);
            Assert.Contains("You have requested up to 7200 datapoints, which exceeds the limit of 1440.", tooMany.Stderr);

            var old = await Cw("put-metric-data", "--namespace", "Cli/Errors", "--metric-name", "M", "--value", "1",
                "--timestamp", Iso(DateTime.UtcNow.AddDays(-20)));
            Assert.Equal("InvalidParameterValue", old.ErrorCode);
            Assert.Contains("must specify a time within the past two weeks", old.Stderr);

            var badId = await Cw("get-metric-data", "--start-time", Iso(MinuteAgo(10)), "--end-time", Iso(MinuteAgo(0)),
                "--metric-data-queries", "[{\"Id\":\"Bad\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Cli/Errors\",\"MetricName\":\"M\"},\"Period\":60,\"Stat\":\"Sum\"}}]");
            Assert.Equal("ValidationError", badId.ErrorCode);
            Assert.Contains("is not matching the expected pattern", badId.Stderr);

            var badToken = await Cw("get-metric-data", "--start-time", Iso(MinuteAgo(10)), "--end-time", Iso(MinuteAgo(0)), "--next-token", "bogus",
                "--metric-data-queries", "[{\"Id\":\"m\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Cli/Errors\",\"MetricName\":\"M\"},\"Period\":60,\"Stat\":\"Sum\"}}]");
            Assert.Equal("InvalidNextToken", badToken.ErrorCode);
        }

        [Fact]
        public async Task DemoMetricsAreListedPerNamespace()
        {
            var training = (await Cw("list-metrics", "--namespace", "/aws/sagemaker/TrainingJobs")).EnsureSuccess().Json!["Metrics"]!.AsArray();
            Assert.Equal(20, training.Count);
            Assert.Equal(Enumerable.Range(1, 4).Select(i => $"demo-train-resnet50/algo-{i}"),
                training.Select(m => m!["Dimensions"]![0]!["Value"]!.GetValue<string>()).Distinct().OrderBy(h => h));

            var containers = (await Cw("list-metrics", "--namespace", "AWS/SageMaker", "--metric-name", "ContainerLatency",
                "--dimensions", "Name=VariantName,Value=Pipeline")).EnsureSuccess().Json!["Metrics"]!.AsArray();
            Assert.Equal(2, containers.Count);
            var recent = (await Cw("list-metrics", "--namespace", "/aws/sagemaker/TransformJobs", "--recently-active", "PT3H")).EnsureSuccess().Json!;
            Assert.Empty(recent["Metrics"]!.AsArray());
        }

        [Fact]
        public async Task GetMetricDataPagesThroughSecondDataOfTheDemoTrainingJob()
        {
            var end = DateTime.UtcNow.AddMinutes(-1);
            var start = end.AddMinutes(-30);
            var queries = "[" + string.Join(",", Enumerable.Range(1, 4).Select(h =>
                $"{{\"Id\":\"gpu{h}\",\"MetricStat\":{{\"Metric\":{{\"Namespace\":\"/aws/sagemaker/TrainingJobs\",\"MetricName\":\"GPUUtilization\"," +
                $"\"Dimensions\":[{{\"Name\":\"Host\",\"Value\":\"demo-train-resnet50/algo-{h}\"}}]}},\"Period\":1,\"Stat\":\"Average\"}}}}")) + "]";
            // --page-size sets MaxDatapoints; the CLI follows NextToken and concatenates the pages' results.
            var output = (await Cw("get-metric-data", "--start-time", Iso(start), "--end-time", Iso(end),
                "--metric-data-queries", queries, "--page-size", "1000")).EnsureSuccess().Json!;
            var results = output["MetricDataResults"]!.AsArray();
            Assert.True(results.Count > 4, "expected the same Ids on several pages");
            foreach (var h in Enumerable.Range(1, 4))
            {
                var pieces = results.Where(r => r!["Id"]!.GetValue<string>() == $"gpu{h}").ToList();
                Assert.Equal("Complete", pieces.Last()!["StatusCode"]!.GetValue<string>());
                var times = pieces.SelectMany(p => p!["Timestamps"]!.AsArray().Select(Time)).ToList();
                var values = pieces.SelectMany(p => p!["Values"]!.AsArray().Select(v => v!.GetValue<double>())).ToList();
                Assert.Equal(1800, times.Count);
                Assert.Equal(1800, times.Distinct().Count());
                Assert.True(times.Zip(times.Skip(1)).All(pair => pair.First > pair.Second), "newest first");
                var mean = values.Average();
                if (h == 3) Assert.InRange(mean, 70, 110);
                else Assert.InRange(mean, 300, 400);
            }
        }
    }
}
