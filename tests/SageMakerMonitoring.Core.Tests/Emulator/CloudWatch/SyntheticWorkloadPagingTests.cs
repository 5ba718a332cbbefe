using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.CloudWatch;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>
    /// The 864,000-point benchmark workload (16 hosts × 5 metrics × 3 h at 1 s) comes back complete through
    /// GetMetricData paging, in process and over HTTP with SigV4, and its aggregates agree with its raw points.
    /// How fast that happens is measured by the benchmark (bench/SageMakerMonitoring.Bench), not here.
    /// </summary>
    public class SyntheticWorkloadPagingTests
    {
        private const string Training = "/aws/sagemaker/TrainingJobs";

        [Fact]
        public void EveryPointComesBackThroughGetMetricDataPages()
        {
            var bench = new CloudWatchBench();
            var end = bench.Now;
            bench.Service.TryControl("synthetic", SyntheticWorkloadTests.BenchmarkArguments(end), out _);
            var queries = SyntheticWorkloadTests.AllQueries(1, "Average");

            var pages = bench.AllPages(queries, end - 10800, end);

            var total = pages.Sum(p => p["MetricDataResults"]!.AsArray().Sum(r => r!["Values"]!.AsArray().Count));
            Assert.Equal(864_000, total);
            Assert.Equal(9, pages.Count);
            Assert.Equal(100_800, pages[0]["MetricDataResults"]!.AsArray().Sum(r => r!["Values"]!.AsArray().Count));
            var merged = CloudWatchBench.Merge(pages);
            Assert.Equal(80, merged.Count);
            Assert.All(merged.Values, series =>
            {
                Assert.Equal(10_800, series.Count);
                Assert.Equal(10_800, series.Select(p => p.Time).Distinct().Count());
                Assert.Equal(end - 1, series[0].Time);
                Assert.Equal(end - 10_800, series[^1].Time);
                Assert.All(series, p => Assert.InRange(p.Value, 0, 100));
            });
        }

        [Fact]
        public void HourlyAveragesOverTheRawPointsEqualTheMeansOfThosePoints()
        {
            var bench = new CloudWatchBench();
            var end = bench.Now;
            bench.Service.TryControl("synthetic", SyntheticWorkloadTests.BenchmarkArguments(end), out _);

            // Hourly averages: every raw point is read, the answer is three values per series.
            var hourly = bench.CallObject("GetMetricData",
                $"{{\"MetricDataQueries\":[{SyntheticWorkloadTests.AllQueries(3600, "Average")}],\"StartTime\":{end - 10800},\"EndTime\":{end}}}");
            var results = hourly["MetricDataResults"]!.AsArray();
            Assert.Equal(80, results.Count);
            Assert.Null(hourly["NextToken"]);
            Assert.All(results, r => Assert.Equal(3, r!["Values"]!.AsArray().Count));

            // The same averages computed here from the raw 1-second points of two of the series.
            foreach (var (host, metric) in new[] { (3, "GPUUtilization"), (16, "DiskUtilization") })
            {
                var id = $"h{host}_{metric.ToLowerInvariant()}";
                var raw = CloudWatchBench.Merge(bench.AllPages(
                    CloudWatchBench.Query(id, Training, metric, new[] { ("Host", $"bench-train/algo-{host}") }, 1, "Average"), end - 10800, end))[id];
                Assert.Equal(10_800, raw.Count);
                var expected = raw.GroupBy(p => p.Time - (p.Time - (end - 10800)) % 3600)
                    .ToDictionary(g => g.Key, g => g.Average(p => p.Value));
                var actual = CloudWatchBench.Merge(new[] { hourly })[id];
                Assert.Equal(expected.Keys.OrderBy(t => t), actual.Select(p => p.Time).OrderBy(t => t));
                Assert.All(actual, p => Assert.Equal(expected[p.Time], p.Value, 9));
            }
        }

        [Fact]
        public async Task EveryPointComesBackOverHttpWithSigV4()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" });
            var end = CloudWatchBench.ToEpoch(CloudWatchBench.DefaultNow);
            server.Context.Clock.Freeze(CloudWatchBench.DefaultNow);
            server.GetService<CloudWatchService>().TryControl("synthetic", SyntheticWorkloadTests.BenchmarkArguments(end), out _);
            var queries = SyntheticWorkloadTests.AllQueries(1, "Average");
            using var client = new HttpClient();

            long total = 0;
            var pages = 0;
            string? nextToken = null;
            do
            {
                var body = $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{end - 10800},\"EndTime\":{end}" +
                           (nextToken == null ? "" : $",\"NextToken\":\"{nextToken}\"") + "}";
                using var response = await client.SendAsync(SigV4TestSigner.Json(server.Url, "monitoring",
                    "GraniteServiceVersion20100801.GetMetricData", "1.0", body));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(bytes));
                using var document = JsonDocument.Parse(bytes);
                foreach (var result in document.RootElement.GetProperty("MetricDataResults").EnumerateArray())
                {
                    var timestamps = result.GetProperty("Timestamps");
                    Assert.Equal(timestamps.GetArrayLength(), result.GetProperty("Values").GetArrayLength());
                    if (timestamps.GetArrayLength() > 0) Assert.Equal(JsonValueKind.Number, timestamps[0].ValueKind);
                    total += timestamps.GetArrayLength();
                }
                nextToken = document.RootElement.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
                pages++;
                Assert.True(pages < 1_000, "paging does not end");
            } while (nextToken != null);

            Assert.Equal(864_000, total);
            Assert.Equal(9, pages);
        }
    }
}
