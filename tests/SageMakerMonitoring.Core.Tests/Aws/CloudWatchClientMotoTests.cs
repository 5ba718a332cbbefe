using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public sealed class CloudWatchClientMotoTests : IClassFixture<MotoServer>
    {
        private readonly MotoServer _moto;

        public CloudWatchClientMotoTests(MotoServer moto)
        {
            _moto = moto;
        }

        [MotoFact]
        public async Task PutMetricData_then_ListMetrics_GetMetricStatistics_and_GetMetricData_round_trip()
        {
            var calls = new List<AwsCallRecord>();
            using AwsClientFactory factory = MotoClients.Factory(_moto, calls);
            ICloudWatchClient client = factory.CreateCloudWatch();
            string ns = "Wire/Test" + Guid.NewGuid().ToString("N").Substring(0, 8);
            DateTime now = DateTime.UtcNow;
            DateTime t0 = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(-10);
            var dimensions = new[] { new MetricDimension("EndpointName", "ep-1"), new MetricDimension("VariantName", "AllTraffic") };
            var data = new List<MetricDatum>();
            for (int i = 0; i < 5; i++)
            {
                data.Add(new MetricDatum { MetricName = "Invocations", Dimensions = dimensions, Timestamp = t0.AddMinutes(i), Value = i + 1.5, Unit = "Count" });
            }
            await client.PutMetricDataAsync(ns, data, CancellationToken.None);

            MetricListPage list = await client.ListMetricsAsync(new ListMetricsRequest
            {
                Namespace = ns,
                Dimensions = new[] { new KeyValuePair<string, string?>("EndpointName", null) },
            }, CancellationToken.None);
            // moto lists a metric once per stored datum; AWS lists it once.
            Assert.NotEmpty(list.Metrics);
            MetricIdentity metric = list.Metrics[0];
            Assert.All(list.Metrics, m => Assert.Equal(metric.Dimensions, m.Dimensions));
            Assert.Equal(ns, metric.Namespace);
            Assert.Equal("Invocations", metric.MetricName);
            Assert.Equal(dimensions.OrderBy(d => d.Name), metric.Dimensions.OrderBy(d => d.Name));

            MetricStatisticsResult stats = await client.GetMetricStatisticsAsync(new MetricStatisticsRequest
            {
                Metric = metric,
                StartTime = t0.AddMinutes(-1),
                EndTime = t0.AddMinutes(10),
                Period = 60,
                Statistics = new[] { "Sum", "SampleCount", "Maximum" },
            }, CancellationToken.None);
            Assert.Equal(5, stats.Datapoints.Count);
            StatisticsDatapoint third = stats.Datapoints.Single(p => p.Timestamp == t0.AddMinutes(2));
            Assert.Equal(DateTimeKind.Utc, third.Timestamp.Kind);
            Assert.Equal(3.5, third.Sum);
            Assert.Equal(1, third.SampleCount);

            MetricDataPage page = await client.GetMetricDataAsync(new MetricDataRequest
            {
                Queries = new[] { new MetricDataQuery("m1", metric, 60, "Sum", Label: "calls") },
                StartTime = t0.AddMinutes(-1),
                EndTime = t0.AddMinutes(10),
                ScanAscending = true,
            }, CancellationToken.None);
            MetricDataResult result = Assert.Single(page.Results);
            Assert.Equal("m1", result.Id);
            Assert.Equal(result.Timestamps.Length, result.Values.Length);
            Assert.Equal(5, result.Values.Length);
            var byTime = result.Timestamps.Zip(result.Values).ToDictionary(p => p.First, p => p.Second);
            Assert.Equal(1.5, byTime[t0]);
            Assert.Equal(5.5, byTime[t0.AddMinutes(4)]);
            Assert.Null(page.NextToken);

            Assert.Equal(new[] { "PutMetricData", "ListMetrics", "GetMetricStatistics", "GetMetricData" }, calls.Select(c => c.Operation));
            Assert.All(calls, c =>
            {
                Assert.Equal("CloudWatch", c.Service);
                Assert.Equal("us-east-1", c.Region);
                Assert.Equal(200, c.StatusCode);
                Assert.Null(c.ErrorCode);
                Assert.Equal(0, c.Retries);
                Assert.False(string.IsNullOrEmpty(c.RequestId));
                Assert.DoesNotContain(MotoClients.SecretKey, c.ToString());
            });
        }

        [MotoFact]
        public async Task Custom_endpoint_keeps_the_resolved_signing_region()
        {
            // moto keeps metrics per region; the region in the SigV4 scope decides which one a call lands in.
            using AwsClientFactory west = MotoClients.Factory(_moto, region: "eu-west-1");
            using AwsClientFactory east = MotoClients.Factory(_moto, region: "us-east-1");
            string ns = "Wire/Region" + Guid.NewGuid().ToString("N").Substring(0, 8);
            await west.CreateCloudWatch().PutMetricDataAsync(ns,
                new[] { new MetricDatum { MetricName = "M", Timestamp = DateTime.UtcNow, Value = 1 } }, CancellationToken.None);

            MetricListPage inWest = await west.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest { Namespace = ns }, CancellationToken.None);
            MetricListPage inEast = await east.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest { Namespace = ns }, CancellationToken.None);
            Assert.NotEmpty(inWest.Metrics);
            Assert.Empty(inEast.Metrics);
            Assert.Equal("eu-west-1", west.Region);
        }
    }
}
