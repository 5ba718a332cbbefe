using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.CloudWatch;
using Xunit;
using Xunit.Abstractions;
using MetricDataQuery = SageMakerMonitoring.Core.Aws.MetricDataQuery;
using MetricIdentity = SageMakerMonitoring.Core.Aws.MetricIdentity;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>
    /// The module's own CloudWatch client (awsJson over the AWS SDK's HTTP and SigV4) against the emulated service:
    /// the path the cmdlets take. Runs alone so that the printed end-to-end rate is this test's.
    /// </summary>
    [Collection(ThroughputCollection.Name)]
    public sealed class CloudWatchCoreClientTests
    {
        private readonly ITestOutputHelper _output;

        public CloudWatchCoreClientTests(ITestOutputHelper output) => _output = output;

        private static AwsClientFactory Factory(string url) => new AwsClientFactory(new AwsClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = url,
            Credentials = new BasicAWSCredentials(CredentialStore.DefaultAccessKeyId, CredentialStore.DefaultSecretAccessKey),
        });

        [Fact]
        public async Task PutThenReadBackThroughTheModuleClient()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" });
            server.Context.Clock.Freeze(CloudWatchBench.DefaultNow);
            using var factory = Factory(server.Url);
            var client = factory.CreateCloudWatch();
            var t0 = CloudWatchBench.DefaultNow.AddMinutes(-30);
            var dimensions = new[] { new MetricDimension("Host", "h1") };

            await client.PutMetricDataAsync("Client/Test", Enumerable.Range(0, 120).Select(i => new MetricDatum
            {
                MetricName = "Loss",
                Dimensions = dimensions,
                Timestamp = t0.AddSeconds(i),
                Value = i,
                Unit = "Count",
                StorageResolution = 1,
            }).ToList(), CancellationToken.None);

            var list = await client.ListMetricsAsync(new ListMetricsRequest { Namespace = "Client/Test" }, CancellationToken.None);
            Assert.Equal("Loss", list.Metrics.Single().MetricName);

            var statistics = await client.GetMetricStatisticsAsync(new MetricStatisticsRequest
            {
                Metric = new MetricIdentity("Client/Test", "Loss", dimensions),
                StartTime = t0,
                EndTime = t0.AddMinutes(2),
                Period = 60,
                Statistics = new[] { "Average", "SampleCount" },
            }, CancellationToken.None);
            var minutes = statistics.Datapoints.OrderBy(d => d.Timestamp).ToList();
            Assert.Equal(new[] { t0, t0.AddMinutes(1) }, minutes.Select(d => d.Timestamp));
            Assert.Equal(new double?[] { 29.5, 89.5 }, minutes.Select(d => d.Average));
            Assert.Equal("Count", minutes[0].Unit);

            var results = new List<MetricDataResult>();
            string? token = null;
            do
            {
                var page = await client.GetMetricDataAsync(new MetricDataRequest
                {
                    Queries = new[] { new MetricDataQuery("loss", new MetricIdentity("Client/Test", "Loss", dimensions), 1, "Maximum") },
                    StartTime = t0,
                    EndTime = t0.AddMinutes(5),
                    ScanAscending = true,
                    MaxDatapoints = 50,
                    NextToken = token,
                }, CancellationToken.None);
                results.AddRange(page.Results);
                token = page.NextToken;
            } while (token != null);
            Assert.Equal(3, results.Count);
            Assert.Equal(new[] { "PartialData", "PartialData", "Complete" }, results.Select(r => r.StatusCode));
            Assert.Equal(Enumerable.Range(0, 120).Select(i => t0.AddSeconds(i)), results.SelectMany(r => r.Timestamps));
            Assert.Equal(Enumerable.Range(0, 120).Select(i => (double)i), results.SelectMany(r => r.Values));
            Assert.All(results, r => Assert.Equal("Loss", r.Label));
        }

        [Fact]
        public async Task BenchmarkWorkloadEndToEnd()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" });
            server.Context.Clock.Freeze(CloudWatchBench.DefaultNow);
            var end = CloudWatchBench.DefaultNow;
            server.GetService<CloudWatchService>().TryControl("synthetic",
                SyntheticWorkloadTests.BenchmarkArguments(CloudWatchBench.ToEpoch(end)), out _);
            using var factory = Factory(server.Url);
            var client = factory.CreateCloudWatch();
            var queries = (from host in Enumerable.Range(1, 16)
                           from metric in SyntheticWorkloadTests.Metrics
                           select new MetricDataQuery($"h{host}_{metric.ToLowerInvariant()}",
                               new MetricIdentity("/aws/sagemaker/TrainingJobs", metric, new[] { new MetricDimension("Host", $"bench-train/algo-{host}") }),
                               1, "Average")).ToList();

            async Task<(long Points, int Pages)> ReadAllAsync()
            {
                long points = 0;
                var pages = 0;
                string? token = null;
                do
                {
                    var page = await client.GetMetricDataAsync(new MetricDataRequest
                    {
                        Queries = queries,
                        StartTime = end.AddHours(-3),
                        EndTime = end,
                        NextToken = token,
                    }, CancellationToken.None);
                    points += page.Results.Sum(r => r.Values.Length);
                    token = page.NextToken;
                    pages++;
                } while (token != null);
                return (points, pages);
            }

            await ReadAllAsync(); // warm-up (JIT, connections)
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var (total, pageCount) = await ReadAllAsync();
            wall.Stop();
            var cpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu;

            Assert.Equal(864_000, total);
            Assert.Equal(9, pageCount);
            _output.WriteLine($"module client → HTTP → emulator: {total:N0} points in {pageCount} pages; wall {wall.ElapsedMilliseconds:N0} ms = " +
                              $"{total / wall.Elapsed.TotalSeconds:N0} points/s; CPU (client and server) {cpuTime.TotalMilliseconds:N0} ms = " +
                              $"{total / cpuTime.TotalSeconds:N0} points/s");
            Assert.True(total / cpuTime.TotalSeconds > 100_000, $"end to end only {total / cpuTime.TotalSeconds:N0} points/s of CPU");
        }
    }
}
