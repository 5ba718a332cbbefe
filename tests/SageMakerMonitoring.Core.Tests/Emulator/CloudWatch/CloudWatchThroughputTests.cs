using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.CloudWatch;
using Xunit;
using Xunit.Abstractions;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>
    /// Throughput of the emulated GetMetricData over the benchmark workload (16 hosts × 5 metrics × 3 h at 1 s).
    /// Rates are measured in process CPU time, not wall time, so that a busy shared machine does not decide the
    /// outcome; the collection runs alone so the process CPU time is this test's. Rates are printed to the test output.
    /// </summary>
    [Collection(ThroughputCollection.Name)]
    public class CloudWatchThroughputTests
    {
        private const string Training = "/aws/sagemaker/TrainingJobs";
        private readonly ITestOutputHelper _output;

        public CloudWatchThroughputTests(ITestOutputHelper output) => _output = output;

        private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

        [Fact]
        public void ReadsAllPointsThroughGetMetricDataPagesAndMeasuresTheRate()
        {
            var bench = new CloudWatchBench();
            var end = bench.Now;
            bench.Service.TryControl("synthetic", SyntheticWorkloadTests.BenchmarkArguments(end), out _);
            var queries = SyntheticWorkloadTests.AllQueries(1, "Average");

            // Warm up once so that JIT time is not counted.
            bench.CallObject("GetMetricData", $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{end - 10800},\"EndTime\":{end},\"MaxDatapoints\":1000}}");

            var handle = CpuTime();
            var pages = bench.AllPages(queries, end - 10800, end);
            var handleCpu = CpuTime() - handle;
            var serialize = CpuTime();
            long bytes = 0;
            foreach (var page in pages) bytes += page.ToJsonString().Length;
            var serializeCpu = CpuTime() - serialize;

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
            });

            var handleRate = total / handleCpu.TotalSeconds;
            var endToEndRate = total / (handleCpu + serializeCpu).TotalSeconds;
            _output.WriteLine($"GetMetricData Handle: {total:N0} points in {pages.Count} pages, {handleCpu.TotalMilliseconds:N0} ms CPU = {handleRate:N0} points/s");
            _output.WriteLine($"with JSON serialization ({bytes / 1024 / 1024} MB): {(handleCpu + serializeCpu).TotalMilliseconds:N0} ms CPU = {endToEndRate:N0} points/s");
            Assert.True(handleRate > 250_000, $"GetMetricData produced only {handleRate:N0} points/s");
        }

        [Fact]
        public void AggregationRateOverRawPointsWithoutOutputCost()
        {
            var bench = new CloudWatchBench();
            var end = bench.Now;
            bench.Service.TryControl("synthetic", SyntheticWorkloadTests.BenchmarkArguments(end), out _);
            // Hourly averages: every raw point is read, output is tiny.
            var queries = SyntheticWorkloadTests.AllQueries(3600, "Average");
            var request = $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{end - 10800},\"EndTime\":{end}}}";
            bench.CallObject("GetMetricData", request);
            var watch = CpuTime();
            const int rounds = 5;
            JsonObject? page = null;
            for (var i = 0; i < rounds; i++) page = bench.CallObject("GetMetricData", request);
            var elapsed = CpuTime() - watch;
            var results = page!["MetricDataResults"]!.AsArray();
            Assert.All(results, r => Assert.Equal(3, r!["Values"]!.AsArray().Count));
            var rate = rounds * 864_000 / elapsed.TotalSeconds;
            _output.WriteLine($"raw aggregation: {rate:N0} points/s");
            Assert.True(rate > 5_000_000, $"aggregation read only {rate:N0} points/s");
        }

        [Fact]
        public async Task ServesTheBenchmarkOverHttpWithSigV4()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" });
            var end = CloudWatchBench.ToEpoch(CloudWatchBench.DefaultNow);
            server.Context.Clock.Freeze(CloudWatchBench.DefaultNow);
            server.GetService<CloudWatchService>().TryControl("synthetic", SyntheticWorkloadTests.BenchmarkArguments(end), out _);
            var queries = SyntheticWorkloadTests.AllQueries(1, "Average");
            using var client = new HttpClient();

            async Task<(long Points, string? Token, long Bytes)> PageAsync(string? token)
            {
                var body = $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{end - 10800},\"EndTime\":{end}" +
                           (token == null ? "" : $",\"NextToken\":\"{token}\"") + "}";
                using var response = await client.SendAsync(SigV4TestSigner.Json(server.Url, "monitoring",
                    "GraniteServiceVersion20100801.GetMetricData", "1.0", body));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(bytes));
                using var document = JsonDocument.Parse(bytes);
                long points = 0;
                foreach (var result in document.RootElement.GetProperty("MetricDataResults").EnumerateArray())
                {
                    var timestamps = result.GetProperty("Timestamps");
                    Assert.Equal(timestamps.GetArrayLength(), result.GetProperty("Values").GetArrayLength());
                    if (timestamps.GetArrayLength() > 0) Assert.Equal(JsonValueKind.Number, timestamps[0].ValueKind);
                    points += timestamps.GetArrayLength();
                }
                var next = document.RootElement.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
                return (points, next, bytes.Length);
            }

            await PageAsync(null); // warm-up
            var wall = Stopwatch.StartNew();
            var cpu = CpuTime();
            long total = 0, totalBytes = 0;
            var pages = 0;
            string? nextToken = null;
            do
            {
                var (points, token, bytes) = await PageAsync(nextToken);
                total += points;
                totalBytes += bytes;
                nextToken = token;
                pages++;
            } while (nextToken != null);
            var cpuTime = CpuTime() - cpu;
            wall.Stop();

            Assert.Equal(864_000, total);
            Assert.Equal(9, pages);
            _output.WriteLine($"HTTP GetMetricData: {total:N0} points, {pages} pages, {totalBytes / 1024 / 1024} MB; " +
                              $"wall {wall.ElapsedMilliseconds:N0} ms = {total / wall.Elapsed.TotalSeconds:N0} points/s; " +
                              $"CPU (server and client) {cpuTime.TotalMilliseconds:N0} ms = {total / cpuTime.TotalSeconds:N0} points/s");
            Assert.True(total / cpuTime.TotalSeconds > 150_000, $"end to end only {total / cpuTime.TotalSeconds:N0} points/s of CPU");
        }
    }
}
