using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>
    /// The CloudWatch wire client against the project's emulator over HTTP: every operation round-trips with its content,
    /// including what moto cannot show (GetMetricData MaxDatapoints/NextToken paging, percentiles, ListMetrics paging).
    /// </summary>
    public sealed class EmulatorCloudWatchWireTests : IClassFixture<EmulatorFixture>
    {
        private const string TrainingNamespace = "/aws/sagemaker/TrainingJobs";
        private const string TrainingJob = "demo-train-resnet50";
        private readonly EmulatorFixture _emulator;

        public EmulatorCloudWatchWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static MetricIdentity HostMetric(string metric, int host) =>
            new MetricIdentity(TrainingNamespace, metric, new[] { new MetricDimension("Host", $"{TrainingJob}/algo-{host}") });

        private static MetricIdentity VariantMetric(string metric, string variant) =>
            new MetricIdentity("AWS/SageMaker", metric, new[]
            {
                new MetricDimension("EndpointName", "demo-churn-endpoint"),
                new MetricDimension("VariantName", variant),
            });

        [Fact]
        public async Task ListMetrics_filters_by_namespace_and_dimension()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchClient client = factory.CreateCloudWatch();

            MetricListPage all = await client.ListMetricsAsync(new ListMetricsRequest { Namespace = TrainingNamespace }, CancellationToken.None);
            Assert.Null(all.NextToken);
            Assert.Equal(20, all.Metrics.Count);
            Assert.All(all.Metrics, m =>
            {
                Assert.Equal(TrainingNamespace, m.Namespace);
                MetricDimension host = Assert.Single(m.Dimensions);
                Assert.Equal("Host", host.Name);
                Assert.StartsWith(TrainingJob + "/algo-", host.Value);
            });
            Assert.Equal(new[] { "CPUUtilization", "DiskUtilization", "GPUMemoryUtilization", "GPUUtilization", "MemoryUtilization" },
                all.Metrics.Select(m => m.MetricName).Distinct().OrderBy(n => n, StringComparer.Ordinal));

            MetricListPage oneHost = await client.ListMetricsAsync(new ListMetricsRequest
            {
                Namespace = TrainingNamespace,
                Dimensions = new[] { new KeyValuePair<string, string?>("Host", TrainingJob + "/algo-3") },
            }, CancellationToken.None);
            Assert.Equal(5, oneHost.Metrics.Count);
            Assert.All(oneHost.Metrics, m => Assert.Equal(TrainingJob + "/algo-3", m.Dimensions[0].Value));

            MetricListPage byName = await client.ListMetricsAsync(new ListMetricsRequest
            {
                Namespace = "AWS/SageMaker",
                MetricName = "ContainerLatency",
                Dimensions = new[] { new KeyValuePair<string, string?>("ContainerName", null) },
            }, CancellationToken.None);
            Assert.Equal(new[] { "container-1", "container-2" },
                byName.Metrics.Select(m => m.Dimensions.Single(d => d.Name == "ContainerName").Value).OrderBy(v => v, StringComparer.Ordinal));
        }

        [Fact]
        public async Task ListMetrics_pages_with_NextToken()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator, "empty");
            await _emulator.PostControlAsync("monitoring/synthetic", JsonNode.Parse(
                "{\"namespace\":\"Wire/Paging\",\"jobName\":\"paging\",\"hosts\":120,\"seconds\":120,\"resolution\":60}"));
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchClient client = factory.CreateCloudWatch();

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pageSizes = new List<int>();
            string? token = null;
            do
            {
                MetricListPage page = await client.ListMetricsAsync(new ListMetricsRequest { Namespace = "Wire/Paging", NextToken = token }, CancellationToken.None);
                pageSizes.Add(page.Metrics.Count);
                foreach (MetricIdentity m in page.Metrics) Assert.True(seen.Add(m.MetricName + "|" + m.Dimensions[0].Value), "metric listed twice");
                token = page.NextToken;
            }
            while (token != null && pageSizes.Count < 10);

            Assert.Null(token);
            Assert.Equal(600, seen.Count);
            Assert.True(pageSizes.Count >= 2, "600 metrics need more than one page");
            Assert.All(pageSizes, n => Assert.InRange(n, 1, 500));
        }

        [Fact]
        public async Task PutMetricData_round_trips_through_GetMetricStatistics_and_GetMetricData()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator, "empty");
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchClient client = factory.CreateCloudWatch();
            var dimensions = new[] { new MetricDimension("Host", "wire-host") };
            DateTime bucket = now.AddMinutes(-2);

            await client.PutMetricDataAsync("Wire/Test", new[]
            {
                new MetricDatum
                {
                    MetricName = "Latency", Dimensions = dimensions, Timestamp = bucket.AddSeconds(5),
                    Values = new[] { 10.0, 20.0, 30.0 }, Counts = new[] { 1.0, 2.0, 1.0 }, Unit = "Milliseconds",
                },
                new MetricDatum { MetricName = "Latency", Dimensions = dimensions, Timestamp = bucket.AddSeconds(30), Value = 100, Unit = "Milliseconds" },
                new MetricDatum { MetricName = "Fast", Dimensions = dimensions, Timestamp = bucket.AddSeconds(1), Value = 1, StorageResolution = 1 },
                new MetricDatum { MetricName = "Fast", Dimensions = dimensions, Timestamp = bucket.AddSeconds(2), Value = 3, StorageResolution = 1 },
            }, CancellationToken.None);

            var identity = new MetricIdentity("Wire/Test", "Latency", dimensions);
            MetricStatisticsResult stats = await client.GetMetricStatisticsAsync(new MetricStatisticsRequest
            {
                Metric = identity,
                StartTime = now.AddMinutes(-5),
                EndTime = now,
                Period = 60,
                Statistics = new[] { "SampleCount", "Sum", "Average", "Minimum", "Maximum" },
            }, CancellationToken.None);
            Assert.Equal("Latency", stats.Label);
            StatisticsDatapoint point = Assert.Single(stats.Datapoints);
            Assert.Equal(bucket, point.Timestamp);
            Assert.Equal(DateTimeKind.Utc, point.Timestamp.Kind);
            Assert.Equal(5, point.SampleCount);
            Assert.Equal(10 + 40 + 30 + 100, point.Sum);
            Assert.Equal(36, point.Average);
            Assert.Equal(10, point.Minimum);
            Assert.Equal(100, point.Maximum);
            Assert.Equal("Milliseconds", point.Unit);

            // High-resolution data answers 1-second periods; standard-resolution data refuses them with the service's code.
            MetricDataPage fast = await client.GetMetricDataAsync(new MetricDataRequest
            {
                Queries = new[] { new MetricDataQuery("fast", new MetricIdentity("Wire/Test", "Fast", dimensions), 1, "Sum") },
                StartTime = bucket,
                EndTime = bucket.AddSeconds(10),
            }, CancellationToken.None);
            MetricDataResult fastResult = Assert.Single(fast.Results);
            Assert.Equal("Complete", fastResult.StatusCode);
            Assert.Equal(new[] { bucket.AddSeconds(1), bucket.AddSeconds(2) }, fastResult.Timestamps);
            Assert.Equal(new[] { 1.0, 3.0 }, fastResult.Values);

            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetMetricDataAsync(new MetricDataRequest
            {
                Queries = new[] { new MetricDataQuery("slow", identity, 1, "Sum") },
                StartTime = bucket,
                EndTime = bucket.AddSeconds(10),
            }, CancellationToken.None));
            Assert.Equal("InvalidParameterValue", error.ErrorCode);
            Assert.Equal(400, error.StatusCode);
            Assert.Equal("GetMetricData", error.Operation);
            Assert.False(string.IsNullOrEmpty(error.RequestId));
        }

        [Fact]
        public async Task GetMetricData_pages_by_MaxDatapoints_and_NextToken_without_losing_or_repeating_points()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchClient client = factory.CreateCloudWatch();
            var queries = new[]
            {
                new MetricDataQuery("cpu1", HostMetric("CPUUtilization", 1), 1, "Average"),
                new MetricDataQuery("gpu3", HostMetric("GPUUtilization", 3), 1, "Maximum", Label: "gpu of algo-3"),
            };
            DateTime start = now.AddHours(-2);

            MetricDataPage whole = await client.GetMetricDataAsync(new MetricDataRequest { Queries = queries, StartTime = start, EndTime = now }, CancellationToken.None);
            Assert.Null(whole.NextToken);
            Assert.Equal(new[] { "cpu1", "gpu3" }, whole.Results.Select(r => r.Id));
            Assert.All(whole.Results, r =>
            {
                Assert.Equal("Complete", r.StatusCode);
                Assert.Equal(7200, r.Timestamps.Length);
                Assert.Equal(start, r.Timestamps[0]);
                Assert.Equal(now.AddSeconds(-1), r.Timestamps[7199]);
            });
            Assert.Equal("gpu of algo-3", whole.Results[1].Label);

            var timestamps = new Dictionary<string, List<DateTime>> { ["cpu1"] = new List<DateTime>(), ["gpu3"] = new List<DateTime>() };
            var values = new Dictionary<string, List<double>> { ["cpu1"] = new List<double>(), ["gpu3"] = new List<double>() };
            string? token = null;
            int calls = 0;
            bool sawPartial = false;
            do
            {
                MetricDataPage page = await client.GetMetricDataAsync(new MetricDataRequest
                {
                    Queries = queries, StartTime = start, EndTime = now, MaxDatapoints = 5000, NextToken = token,
                }, CancellationToken.None);
                calls++;
                Assert.InRange(page.Results.Sum(r => r.Values.Length), 1, 5000);
                foreach (MetricDataResult result in page.Results)
                {
                    Assert.Equal(result.Timestamps.Length, result.Values.Length);
                    sawPartial |= result.StatusCode == "PartialData";
                    timestamps[result.Id].AddRange(result.Timestamps);
                    values[result.Id].AddRange(result.Values);
                }
                token = page.NextToken;
            }
            while (token != null && calls < 20);

            Assert.Null(token);
            Assert.Equal(3, calls); // 14,400 points at 5,000 per call
            Assert.True(sawPartial, "a page cut short by MaxDatapoints reports PartialData");
            foreach (MetricDataResult expected in whole.Results)
            {
                Assert.Equal(expected.Timestamps, timestamps[expected.Id]);
                Assert.Equal(expected.Values, values[expected.Id]);
            }
        }

        [Fact]
        public async Task GetMetricData_scans_newest_first_when_asked()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            MetricDataPage page = await factory.CreateCloudWatch().GetMetricDataAsync(new MetricDataRequest
            {
                Queries = new[] { new MetricDataQuery("m", HostMetric("MemoryUtilization", 2), 60, "Average") },
                StartTime = now.AddMinutes(-30),
                EndTime = now,
                ScanAscending = false,
            }, CancellationToken.None);
            MetricDataResult result = Assert.Single(page.Results);
            Assert.Equal(30, result.Timestamps.Length);
            Assert.Equal(now.AddMinutes(-1), result.Timestamps[0]);
            Assert.Equal(now.AddMinutes(-30), result.Timestamps[29]);
            Assert.All(result.Values, v => Assert.InRange(v, 0, 100));
        }

        [Fact]
        public async Task Percentiles_agree_between_GetMetricData_and_GetMetricStatistics()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchClient client = factory.CreateCloudWatch();
            MetricIdentity latency = VariantMetric("ModelLatency", "Primary");
            // Periods align to multiples of the period since the epoch: use a window on those boundaries.
            DateTime end = now.AddMinutes(-(now.Minute % 5));
            DateTime start = end.AddHours(-1);

            MetricDataPage data = await client.GetMetricDataAsync(new MetricDataRequest
            {
                Queries = new[]
                {
                    new MetricDataQuery("p50", latency, 300, "p50"),
                    new MetricDataQuery("p99", latency, 300, "p99"),
                    new MetricDataQuery("avg", latency, 300, "Average"),
                },
                StartTime = start,
                EndTime = end,
            }, CancellationToken.None);
            Dictionary<string, MetricDataResult> byId = data.Results.ToDictionary(r => r.Id);
            Assert.Equal(12, byId["p50"].Values.Length);
            Assert.Equal(byId["p50"].Timestamps, byId["p99"].Timestamps);
            for (int i = 0; i < 12; i++)
            {
                Assert.True(byId["p50"].Values[i] > 0);
                Assert.True(byId["p99"].Values[i] > byId["p50"].Values[i], "p99 above the median of a right-skewed latency distribution");
            }

            MetricStatisticsResult stats = await client.GetMetricStatisticsAsync(new MetricStatisticsRequest
            {
                Metric = latency,
                StartTime = start,
                EndTime = end,
                Period = 300,
                ExtendedStatistics = new[] { "p50", "p99" },
            }, CancellationToken.None);
            Assert.Equal(12, stats.Datapoints.Count);
            foreach (StatisticsDatapoint point in stats.Datapoints)
            {
                int index = Array.IndexOf(byId["p50"].Timestamps, point.Timestamp);
                Assert.True(index >= 0, "same periods from both operations");
                Assert.Equal(byId["p50"].Values[index], point.ExtendedStatistics["p50"], 6);
                Assert.Equal(byId["p99"].Values[index], point.ExtendedStatistics["p99"], 6);
                Assert.Null(point.Average);
            }
        }

        [Fact]
        public async Task Unknown_metrics_answer_empty_results_and_a_bad_token_answers_InvalidNextToken()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchClient client = factory.CreateCloudWatch();
            var unknown = new MetricIdentity(TrainingNamespace, "CPUUtilization", new[] { new MetricDimension("Host", "no-such-job/algo-1") });

            MetricDataPage page = await client.GetMetricDataAsync(new MetricDataRequest
            {
                Queries = new[] { new MetricDataQuery("x", unknown, 60, "Average") },
                StartTime = now.AddHours(-1),
                EndTime = now,
            }, CancellationToken.None);
            MetricDataResult result = Assert.Single(page.Results);
            Assert.Equal("Complete", result.StatusCode);
            Assert.Empty(result.Values);

            MetricStatisticsResult stats = await client.GetMetricStatisticsAsync(new MetricStatisticsRequest
            {
                Metric = unknown, StartTime = now.AddHours(-1), EndTime = now, Period = 60, Statistics = new[] { "Average" },
            }, CancellationToken.None);
            Assert.Empty(stats.Datapoints);

            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetMetricDataAsync(new MetricDataRequest
            {
                Queries = new[] { new MetricDataQuery("x", HostMetric("CPUUtilization", 1), 60, "Average") },
                StartTime = now.AddHours(-1),
                EndTime = now,
                NextToken = "not-a-token",
            }, CancellationToken.None));
            Assert.Equal("InvalidNextToken", error.ErrorCode);
            Assert.Equal("CloudWatch", error.Service);
        }
    }
}
