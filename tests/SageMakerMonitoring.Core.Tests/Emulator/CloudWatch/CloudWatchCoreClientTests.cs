using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.CloudWatch;
using Xunit;
using MetricDataQuery = SageMakerMonitoring.Core.Aws.MetricDataQuery;
using MetricIdentity = SageMakerMonitoring.Core.Aws.MetricIdentity;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>
    /// The module's own CloudWatch client (awsJson over the AWS SDK's HTTP and SigV4) against the emulated service:
    /// the path the cmdlets take.
    /// </summary>
    public sealed class CloudWatchCoreClientTests
    {
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
        public async Task BenchmarkWorkloadComesBackCompleteThroughTheModuleClient()
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

            var perSeries = new Dictionary<string, (long Count, DateTime First, DateTime Last)>();
            var pages = 0;
            string? token = null;
            do
            {
                var page = await client.GetMetricDataAsync(new MetricDataRequest
                {
                    Queries = queries,
                    StartTime = end.AddHours(-3),
                    EndTime = end,
                    ScanAscending = true,
                    NextToken = token,
                }, CancellationToken.None);
                foreach (var result in page.Results)
                {
                    Assert.Equal(result.Timestamps.Length, result.Values.Length);
                    if (result.Timestamps.Length == 0) continue;
                    // Oldest first, one point per second, each page continuing where the last one stopped.
                    for (var i = 1; i < result.Timestamps.Length; i++)
                    {
                        if (result.Timestamps[i] != result.Timestamps[i - 1].AddSeconds(1))
                            Assert.Fail($"{result.Id}: {result.Timestamps[i]:o} follows {result.Timestamps[i - 1]:o}");
                    }
                    if (perSeries.TryGetValue(result.Id, out var seen))
                    {
                        Assert.Equal(seen.Last.AddSeconds(1), result.Timestamps[0]);
                        perSeries[result.Id] = (seen.Count + result.Values.Length, seen.First, result.Timestamps[^1]);
                    }
                    else
                    {
                        perSeries[result.Id] = (result.Values.Length, result.Timestamps[0], result.Timestamps[^1]);
                    }
                }
                token = page.NextToken;
                pages++;
                Assert.True(pages < 1_000, "paging does not end");
            } while (token != null);

            Assert.Equal(9, pages);
            Assert.Equal(queries.Select(q => q.Id).OrderBy(id => id, StringComparer.Ordinal), perSeries.Keys.OrderBy(id => id, StringComparer.Ordinal));
            Assert.Equal(864_000, perSeries.Values.Sum(s => s.Count));
            Assert.All(perSeries.Values, s =>
            {
                Assert.Equal(10_800, s.Count);
                Assert.Equal(end.AddHours(-3), s.First);
                Assert.Equal(end.AddSeconds(-1), s.Last);
            });
        }
    }
}
