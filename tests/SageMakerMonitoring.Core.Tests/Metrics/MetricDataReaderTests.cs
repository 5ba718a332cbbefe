using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    public class MetricDataReaderTests
    {
        private static readonly MetricReadOptions NoWait = new MetricReadOptions { Delay = (d, ct) => Task.CompletedTask, InternalErrorRounds = 30 };

        private static (ScriptedCloudWatch Cw, List<MetricSeriesDescriptor> Series) World(int hosts, int seconds, int seed = 1)
        {
            var cw = new ScriptedCloudWatch(seed);
            var series = MetricTestData.TrainingSeries(hosts, 1, "CPUUtilization", "GPUUtilization");
            for (var i = 0; i < series.Count; i++)
            {
                for (var t = 0; t < seconds; t++) cw.Put(series[i].Identity, MetricTestData.Start.AddSeconds(t), i * 1000 + t);
            }
            return (cw, series);
        }

        private static async Task<List<MetricDatapoint>> ReadAll(ScriptedCloudWatch cw, IReadOnlyList<MetricSeriesDescriptor> series, DateTime end)
        {
            var plan = MetricQueryPlanner.Plan(series, MetricTestData.Start, end);
            var reader = new MetricDataReader(cw, NullOperationReporter.Instance, NoWait);
            var gate = new AscendingDatapointGate();
            var points = new List<MetricDatapoint>();
            foreach (var call in plan.Calls)
            {
                await foreach (var p in reader.ReadAsync(call, gate.Accept)) points.Add(p);
            }
            return points;
        }

        private static string Fingerprint(IEnumerable<MetricDatapoint> points) =>
            string.Join("\n", points.OrderBy(p => p.Host).ThenBy(p => p.MetricName).ThenBy(p => p.UtcTimestamp).Select(p => $"{p.Host} {p.MetricName} {p.UtcTimestamp:O} {p.Value}"));

        [Fact]
        public async Task AsksForTheNextPageBeforeHandingOnThisOneAndForEveryPageOnce()
        {
            var (cw, series) = World(2, 300);
            cw.PageSize = 400; // 2 hosts x 2 metrics x 300 s = 1,200 points -> 3 pages
            var plan = MetricQueryPlanner.Plan(series, MetricTestData.Start, MetricTestData.Start.AddSeconds(300));
            var call = Assert.Single(plan.Calls);
            var reader = new MetricDataReader(cw, NullOperationReporter.Instance, NoWait);
            var callsSeenWithEachArray = new List<int>();
            var count = 0;
            await foreach (var points in reader.ReadPagesAsync(call, new AscendingDatapointGate().Accept))
            {
                callsSeenWithEachArray.Add(cw.Calls);
                count += points.Length;
            }
            Assert.Equal(1200, count);
            Assert.Equal(3, cw.Calls);
            Assert.Equal(3, reader.RequestsSent);
            // Points of page 1 come out after page 2 was asked for; the last page has nobody to ask for.
            Assert.Equal(2, callsSeenWithEachArray.First());
            Assert.Equal(3, callsSeenWithEachArray.Last());
        }

        [Fact]
        public async Task AFirstPageAskedForAheadIsReadNotAskedForAgain()
        {
            var (cw, series) = World(2, 120);
            var plan = MetricQueryPlanner.Plan(series, MetricTestData.Start, MetricTestData.Start.AddSeconds(120));
            var call = Assert.Single(plan.Calls);
            var reader = new MetricDataReader(cw, NullOperationReporter.Instance, NoWait);
            var ahead = reader.Start(call, CancellationToken.None);
            Assert.Equal(1, cw.Calls);
            var points = new List<MetricDatapoint>();
            await foreach (var array in reader.ReadPagesAsync(call, new AscendingDatapointGate().Accept, first: ahead)) points.AddRange(array);
            Assert.Equal(480, points.Count);
            Assert.Equal(1, cw.Calls);
        }

        [Fact]
        public async Task PagesThroughNextTokenAndKeepsEverySeriesAscending()
        {
            var (cw, series) = World(3, 600);
            cw.PageSize = 250; // 3,600 points -> many pages, series split across pages
            var points = await ReadAll(cw, series, MetricTestData.Start.AddSeconds(600));
            Assert.Equal(3600, points.Count);
            Assert.True(cw.Calls >= 15);
            foreach (var g in points.GroupBy(p => p.Series))
            {
                var ts = g.Select(p => p.UtcTimestamp).ToList();
                Assert.Equal(600, ts.Count);
                Assert.Equal(ts.OrderBy(t => t), ts);
            }
            Assert.All(cw.Requests.Skip(1), r => Assert.NotNull(r.NextToken));
        }

        [Fact]
        public async Task PerResultInternalErrorsAreReadAgainWithoutDuplicates()
        {
            var (clean, series) = World(4, 900);
            clean.PageSize = 500;
            var expected = Fingerprint(await ReadAll(clean, series, MetricTestData.Start.AddSeconds(900)));

            var (faulty, series2) = World(4, 900, seed: 3);
            faulty.PageSize = 500;
            faulty.ResultErrorRate = 0.3;
            var actual = await ReadAll(faulty, series2, MetricTestData.Start.AddSeconds(900));
            Assert.DoesNotContain(actual, p => p.Value < 0); // points of failed results are never written
            Assert.Equal(expected, Fingerprint(actual));
        }

        [Fact]
        public async Task NonTransientErrorsAreNotRetried()
        {
            var cw = new FailingCloudWatch(new AwsServiceException("CloudWatch", "GetMetricData", "InvalidParameterValue", 400, "r", "bad"));
            var series = MetricTestData.TrainingSeries(1, 60, "CPUUtilization");
            var call = MetricQueryPlanner.Plan(series, MetricTestData.Start, MetricTestData.Start.AddHours(1)).Calls[0];
            var reader = new MetricDataReader(cw, NullOperationReporter.Instance, NoWait);
            await Assert.ThrowsAsync<AwsServiceException>(async () =>
            {
                await foreach (var _ in reader.ReadAsync(call, new AscendingDatapointGate().Accept)) { }
            });
            Assert.Equal(1, cw.Calls);
        }

        [Fact]
        public async Task CancellationStopsTheRead()
        {
            var (cw, series) = World(2, 600);
            cw.PageSize = 10;
            using var cts = new CancellationTokenSource();
            var reader = new MetricDataReader(cw, NullOperationReporter.Instance, NoWait);
            var call = MetricQueryPlanner.Plan(series, MetricTestData.Start, MetricTestData.Start.AddSeconds(600)).Calls[0];
            var n = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var _ in reader.ReadAsync(call, new AscendingDatapointGate().Accept, null, cts.Token))
                {
                    if (++n == 25) cts.Cancel();
                }
            });
            Assert.True(cw.Calls < 10);
        }

        private sealed class FailingCloudWatch : ICloudWatchClient
        {
            private readonly Exception _error;
            public FailingCloudWatch(Exception error) => _error = error;
            public int Calls { get; private set; }
            public Task<MetricDataPage> GetMetricDataAsync(MetricDataRequest request, CancellationToken cancellationToken) { Calls++; throw _error; }
            public Task<MetricStatisticsResult> GetMetricStatisticsAsync(MetricStatisticsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
            public Task<MetricListPage> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
            public Task PutMetricDataAsync(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellationToken) => throw new NotSupportedException();
        }
    }
}
