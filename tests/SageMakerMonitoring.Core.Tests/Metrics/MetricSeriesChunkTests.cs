using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    /// <summary>
    /// -AsSeries reads pages as arrays (<see cref="MetricSeriesChunk"/>), with no object per point. The expected series
    /// are the values the world was given (CPU = seconds since the start, one per second), whatever the paging, the
    /// order CloudWatch answers in, or the results it fails and has read again.
    /// </summary>
    public sealed class MetricSeriesChunkTests
    {
        private static readonly DateTime Now = MetricTestData.Start.AddHours(2);
        private static readonly MetricReadOptions NoWait = new MetricReadOptions { Delay = (d, ct) => Task.CompletedTask };

        private static MetricIdentity Host(int n) =>
            new MetricIdentity(MetricCatalog.TrainingJobsNamespace, "CPUUtilization", new[] { new MetricDimension("Host", "job/algo-" + n) });

        private static ScriptedCloudWatch World(int pageSize, double errorRate)
        {
            var cw = new ScriptedCloudWatch(seed: 7) { PageSize = pageSize, ResultErrorRate = errorRate };
            for (var h = 1; h <= 3; h++)
            {
                for (var t = 0; t < 1800; t++) cw.Put(Host(h), MetricTestData.Start.AddSeconds(t), t + 10000 * h);
            }
            return cw;
        }

        private static async Task<List<MetricSeries>> ReadSeries(ICloudWatchClient cloudWatch)
        {
            var service = new MetricQueryService(cloudWatch, null, null, () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job")))
            {
                StartTime = MetricTestData.Start, EndTime = MetricTestData.Start.AddMinutes(30), MetricNames = new[] { "CPUUtilization" },
            };
            var all = new List<MetricSeries>();
            await foreach (var s in service.GetSeriesAsync(query, default)) all.Add(s);
            return all;
        }

        private static void AssertWorld(IReadOnlyList<MetricSeries> all)
        {
            Assert.Equal(new[] { "algo-1", "algo-2", "algo-3" }, all.Select(s => s.Host).OrderBy(h => h, StringComparer.Ordinal));
            foreach (var series in all)
            {
                var h = int.Parse(series.Host!.Substring("algo-".Length));
                Assert.Equal(1800, series.Count);
                Assert.Equal(Enumerable.Range(0, 1800).Select(t => MetricTestData.Start.AddSeconds(t)), series.TimestampArray);
                Assert.Equal(Enumerable.Range(0, 1800).Select(t => (double)(t + 10000 * h)), series.Values);
            }
        }

        [Fact]
        public async Task One_page_per_series_gives_the_whole_series()
        {
            AssertWorld(await ReadSeries(World(pageSize: 100_800, errorRate: 0)));
        }

        [Fact]
        public async Task Series_split_over_many_pages_are_joined_in_order()
        {
            var cw = World(pageSize: 250, errorRate: 0);
            AssertWorld(await ReadSeries(cw));
            Assert.True(cw.Calls > 3 * 1800 / 250, $"only {cw.Calls} GetMetricData calls: the pages did not split the series");
        }

        [Fact]
        public async Task Results_failed_and_read_again_are_not_written_twice()
        {
            var cw = World(pageSize: 700, errorRate: 0.3);
            AssertWorld(await ReadSeries(cw));
        }

        [Fact]
        public async Task Descending_pages_come_out_ascending()
        {
            AssertWorld(await ReadSeries(new Descending(World(pageSize: 400, errorRate: 0))));
        }

        [Fact]
        public async Task Point_batches_hold_the_same_points_in_order_and_at_most_the_batch_size()
        {
            var service = new MetricQueryService(World(pageSize: 700, errorRate: 0.3), null, null, () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job")))
            {
                StartTime = MetricTestData.Start, EndTime = MetricTestData.Start.AddMinutes(30), MetricNames = new[] { "CPUUtilization" },
            };
            var batches = new List<MetricDatapoint[]>();
            await foreach (var batch in service.GetPointBatchesAsync(query, 256, default)) batches.Add(batch);
            Assert.All(batches, b => Assert.InRange(b.Length, 1, 256));
            var series = batches.SelectMany(b => b).GroupBy(p => p.Host)
                .Select(g => new MetricSeries(g.First().Series, g.Select(p => p.UtcTimestamp).ToArray(), g.Select(p => p.Value).ToArray()))
                .ToList();
            AssertWorld(series);
        }

        /// <summary>Answers newest first (GetMetricData's default ScanBy), as CloudWatch may.</summary>
        private sealed class Descending : ICloudWatchClient
        {
            private readonly ScriptedCloudWatch _inner;

            public Descending(ScriptedCloudWatch inner) => _inner = inner;

            public async Task<MetricDataPage> GetMetricDataAsync(MetricDataRequest request, CancellationToken cancellationToken)
            {
                var page = await _inner.GetMetricDataAsync(request, cancellationToken);
                foreach (var result in page.Results)
                {
                    Array.Reverse(result.Timestamps);
                    Array.Reverse(result.Values);
                }
                return page;
            }

            public Task<MetricStatisticsResult> GetMetricStatisticsAsync(MetricStatisticsRequest request, CancellationToken cancellationToken) =>
                _inner.GetMetricStatisticsAsync(request, cancellationToken);

            public Task<MetricListPage> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken) =>
                _inner.ListMetricsAsync(request, cancellationToken);

            public Task PutMetricDataAsync(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellationToken) =>
                _inner.PutMetricDataAsync(metricNamespace, data, cancellationToken);
        }
    }
}
