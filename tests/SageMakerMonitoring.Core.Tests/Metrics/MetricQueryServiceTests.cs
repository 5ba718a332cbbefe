using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    public class MetricQueryServiceTests
    {
        private static readonly DateTime Now = MetricTestData.Start.AddHours(2);
        private static readonly MetricReadOptions NoWait = new MetricReadOptions { Delay = (d, ct) => Task.CompletedTask };

        private static MetricIdentity Host(string job, int n, string metric) =>
            new MetricIdentity(MetricCatalog.TrainingJobsNamespace, metric, new[] { new MetricDimension("Host", job + "/algo-" + n) });

        private static ScriptedCloudWatch TrainingWorld()
        {
            var cw = new ScriptedCloudWatch();
            foreach (var job in new[] { "job", "job-2" })
            {
                for (var h = 1; h <= 2; h++)
                {
                    for (var t = 0; t < 3600; t++)
                    {
                        cw.Put(Host(job, h, "CPUUtilization"), MetricTestData.Start.AddSeconds(t), t);
                        if (t % 60 == 0) cw.Put(Host(job, h, "MemoryUtilization"), MetricTestData.Start.AddSeconds(t), 50); // standard resolution
                    }
                }
            }
            return cw;
        }

        [Fact]
        public async Task JobHostsComeFromListMetricsByPrefixAndAutoLearnsTheResolution()
        {
            var cw = TrainingWorld();
            var reporter = new RecordingReporter();
            var service = new MetricQueryService(cw, null, reporter, () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job")))
            {
                StartTime = MetricTestData.Start,
                EndTime = MetricTestData.Start.AddHours(1),
            };
            var points = new List<MetricDatapoint>();
            await foreach (var p in service.GetAsync(query, default)) points.Add(p);

            Assert.All(points, p => Assert.Equal("job", p.ResourceName));
            Assert.Equal(new[] { "algo-1", "algo-2" }, points.Select(p => p.Host).Distinct().OrderBy(h => h));
            var cpu = points.Where(p => p.MetricName == "CPUUtilization").ToList();
            var memory = points.Where(p => p.MetricName == "MemoryUtilization").ToList();
            Assert.Equal(2 * 3600, cpu.Count);
            Assert.Equal(2 * 60, memory.Count);
            Assert.All(cpu, p => Assert.Equal(1, p.Period));
            Assert.All(memory, p => Assert.Equal(60, p.Period)); // standard resolution detected
            Assert.All(points, p => Assert.Equal("Average", p.Statistic));
            Assert.All(points, p => Assert.Equal("Percent", p.Unit));
            Assert.All(points, p => Assert.Equal(DateTimeKind.Utc, p.UtcTimestamp.Kind));
            Assert.Empty(reporter.Warnings);
        }

        [Fact]
        public async Task NoMetricsWarnsWithWhatWasSearchedAndSimilarNames()
        {
            var cw = TrainingWorld();
            var reporter = new RecordingReporter();
            var service = new MetricQueryService(cw, null, reporter, () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "jbo-2"))) { Since = TimeSpan.FromHours(1) };
            var points = new List<MetricDatapoint>();
            await foreach (var p in service.GetAsync(query, default)) points.Add(p);
            Assert.Empty(points);
            var warning = Assert.Single(reporter.Warnings);
            Assert.Contains("/aws/sagemaker/TrainingJobs", warning);
            Assert.Contains("Host=jbo-2/*", warning);
            Assert.Contains("job-2", warning);
        }

        [Fact]
        public async Task AJobNeitherCloudWatchNorSageMakerKnowsIsTrainingJobNotFound()
        {
            var cw = TrainingWorld();
            var sm = new DescribedJobs(new SageMakerJobDescription { Name = "old", Status = "Completed" });
            var reporter = new RecordingReporter();
            var service = new MetricQueryService(cw, sm, reporter, () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "jbo-2"))) { Since = TimeSpan.FromHours(1) };
            var ex = await Assert.ThrowsAsync<MonitoringException>(async () => { await foreach (var _ in service.GetAsync(query, default)) { } });
            Assert.Equal("TrainingJobNotFound", ex.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, ex.Kind);
            Assert.Contains("Host=jbo-2/*", ex.Message);
            Assert.Contains("DescribeTrainingJob", ex.Message);
            Assert.Contains("job-2", ex.Message); // a name CloudWatch knows
            Assert.Empty(cw.Requests); // no GetMetricData for a resource that does not exist
            Assert.Empty(reporter.Warnings);

            foreach (var recent in new[] { false, true })
            {
                var find = await Assert.ThrowsAsync<MonitoringException>(async () => { await foreach (var _ in service.FindAsync(query.Selection, recent, default)) { } });
                Assert.Equal("TrainingJobNotFound", find.ErrorId);
            }
        }

        [Fact]
        public async Task AJobSageMakerKnowsButCloudWatchDoesNotFindIsAWarning()
        {
            var sm = new DescribedJobs(new SageMakerJobDescription { Name = "old", Status = "Completed" });
            var reporter = new RecordingReporter();
            var service = new MetricQueryService(new ScriptedCloudWatch(), sm, reporter, () => Now, NoWait);
            await foreach (var _ in service.FindAsync(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "old")), false, default)) { }
            Assert.Contains("No metrics found for TrainingJob 'old'", Assert.Single(reporter.Warnings));
        }

        [Fact]
        public async Task ARangeBeyondWhatCloudWatchHoldsIsClippedWithAWarningAndFewCalls()
        {
            var cw = TrainingWorld();
            var reporter = new RecordingReporter();
            var service = new MetricQueryService(cw, null, reporter, () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job")))
            {
                StartTime = Now.AddHours(-1), EndTime = Now.AddYears(100), MetricNames = new[] { "MemoryUtilization" }, Period = 60,
            };
            var points = 0;
            await foreach (var _ in service.GetAsync(query, default)) points++;
            Assert.Contains(reporter.Warnings, w => w.Contains("-EndTime") && w.Contains("in the future"));
            Assert.All(cw.Requests, r => Assert.True(r.EndTime <= Now.AddMinutes(5)));
            Assert.InRange(cw.Requests.Count, 1, 2);
        }

        [Fact]
        public async Task OldJobsFallBackToTheDescribedInstanceCount()
        {
            var cw = new ScriptedCloudWatch(); // ListMetrics knows nothing (older than two weeks)
            var sm = new DescribedJobs(new SageMakerJobDescription { Name = "old", Status = "Completed", InstanceCount = 3, StartTime = Now.AddDays(-30), EndTime = Now.AddDays(-30).AddHours(2) });
            var reporter = new RecordingReporter();
            var service = new MetricQueryService(cw, sm, reporter, () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "old"))) { MetricNames = new[] { "GPUUtilization" } };
            var points = new List<MetricDatapoint>();
            await foreach (var p in service.GetAsync(query, default)) points.Add(p);
            var asked = cw.Requests.SelectMany(r => r.Queries).ToList();
            Assert.Equal(new[] { "old/algo-1", "old/algo-2", "old/algo-3" }, asked.Select(q => q.Metric.Dimensions[0].Value).Distinct().OrderBy(x => x));
            Assert.All(asked, q => Assert.Equal(300, q.Period)); // 30 days old: 5-minute data
            Assert.All(cw.Requests, r => Assert.Equal(Now.AddDays(-30), r.StartTime));
        }

        [Fact]
        public async Task ExplicitPeriodTooFineIsAnErrorNotAnEmptyResult()
        {
            var service = new MetricQueryService(TrainingWorld(), null, new RecordingReporter(), () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job")))
            {
                StartTime = Now.AddDays(-20), Period = 60,
            };
            var ex = await Assert.ThrowsAsync<MonitoringException>(async () => { await foreach (var _ in service.GetAsync(query, default)) { } });
            Assert.Equal("PeriodNotRetained", ex.ErrorId);
            Assert.Contains("300 seconds", ex.Message);
        }

        [Fact]
        public async Task AsSeriesGivesOneAscendingSeriesPerMetricHostAndStatistic()
        {
            var service = new MetricQueryService(TrainingWorld(), null, new RecordingReporter(), () => Now, NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "job")))
            {
                StartTime = MetricTestData.Start, EndTime = MetricTestData.Start.AddHours(1), MetricNames = new[] { "CPUUtilization" }, Statistics = new[] { "Maximum", "p99" },
            };
            var all = new List<MetricSeries>();
            await foreach (var s in service.GetSeriesAsync(query, default)) all.Add(s);
            Assert.Equal(4, all.Count);
            Assert.Equal(new[] { "Maximum", "p99" }, all.Select(s => s.Statistic).Distinct().OrderBy(x => x));
            Assert.All(all, s => Assert.Equal(3600, s.Count));
            Assert.All(all, s => Assert.Equal(s.Timestamps.OrderBy(t => t), s.Timestamps));
        }

        [Fact]
        public async Task AfterTheResolutionProbeTheNextCallIsAskedForBeforeTheProbesPointsAreHandedOn()
        {
            // 24 one-second series over 3 hours: more than one call holds, so the first window is read as a probe and
            // the rest planned from what it shows. The rest's first call must already be on its way when the first
            // probe point reaches the consumer, not only once the consumer has worked through the whole probe.
            var cw = new ScriptedCloudWatch();
            for (var h = 1; h <= 24; h++)
            {
                for (var t = 0; t < 3 * 3600; t++) cw.Put(Host("big", h, "CPUUtilization"), MetricTestData.Start.AddSeconds(t), t);
            }
            var reporter = new RecordingReporter();
            var service = new MetricQueryService(cw, null, reporter, () => Now.AddHours(1), NoWait);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "big")))
            {
                StartTime = MetricTestData.Start, EndTime = MetricTestData.Start.AddHours(3), MetricNames = new[] { "CPUUtilization" },
            };
            var callsAtFirstPoint = -1;
            long count = 0;
            await foreach (var batch in service.GetPointBatchesAsync(query, 256, default))
            {
                if (callsAtFirstPoint < 0) callsAtFirstPoint = cw.Calls;
                count += batch.Length;
            }
            Assert.Equal(24L * 3 * 3600, count);
            Assert.True(cw.Requests.Count >= 3, "a probe and at least two more calls");
            var probe = cw.Requests[0];
            Assert.Equal(2, callsAtFirstPoint);
            Assert.Equal(probe.EndTime, cw.Requests[1].StartTime);
        }

        [Fact]
        public async Task WatchWritesEachPointOnceIncludingLateOnes()
        {
            var cw = new ScriptedCloudWatch();
            var metric = new MetricIdentity("Custom/Watch", "Depth", new[] { new MetricDimension("Queue", "a") });
            var clock = MetricTestData.Start;
            for (var m = 0; m < 10; m++)
            {
                if (m != 6) cw.Put(metric, clock.AddMinutes(m), m); // minute 6 arrives late
            }
            clock = clock.AddMinutes(10);
            var ticks = 0;
            Task Delay(TimeSpan d, CancellationToken ct)
            {
                ticks++;
                clock = clock.AddMinutes(1);
                cw.Put(metric, clock.AddMinutes(-1), 100 + ticks);      // the minute that just ended
                if (ticks == 2) cw.Put(metric, MetricTestData.Start.AddMinutes(6), 6); // the late point shows up
                return Task.CompletedTask;
            }
            var watcher = new MetricWatcher(cw, null, new RecordingReporter(), () => clock, Delay, NoWait);
            var query = new MetricQuery(MetricSelection.ForNamespace("Custom/Watch", new[] { new MetricDimension("Queue", "a") })) { MetricNames = new[] { "Depth" }, Period = 60 };
            var points = new List<MetricDatapoint>();
            await foreach (var p in watcher.WatchAsync(query, new MetricWatchOptions { Count = 14, InitialLookBack = TimeSpan.FromMinutes(10) }, default)) points.Add(p);

            Assert.Equal(14, points.Count);
            Assert.Equal(points.Count, points.Select(p => p.UtcTimestamp).Distinct().Count());
            Assert.Contains(points, p => p.UtcTimestamp == MetricTestData.Start.AddMinutes(6) && p.Value == 6);
            Assert.Equal(Enumerable.Range(0, 14).Select(m => MetricTestData.Start.AddMinutes(m)), points.Select(p => p.UtcTimestamp).OrderBy(t => t));
        }

        [Fact]
        public async Task WatchStopsAtUntil()
        {
            var cw = new ScriptedCloudWatch();
            var metric = new MetricIdentity("Custom/Watch", "Depth", Array.Empty<MetricDimension>());
            cw.Put(metric, MetricTestData.Start, 1);
            var clock = MetricTestData.Start.AddMinutes(1);
            Task Delay(TimeSpan d, CancellationToken ct) { clock += d; return Task.CompletedTask; }
            var watcher = new MetricWatcher(cw, null, null, () => clock, Delay, NoWait);
            var query = new MetricQuery(MetricSelection.ForNamespace("Custom/Watch", Array.Empty<MetricDimension>())) { MetricNames = new[] { "Depth" }, Period = 60 };
            var n = 0;
            await foreach (var _ in watcher.WatchAsync(query, new MetricWatchOptions { Until = clock.AddMinutes(5) }, default)) n++;
            Assert.Equal(1, n);
            Assert.Equal(MetricTestData.Start.AddMinutes(6), clock);
            Assert.InRange(watcher.Ticks, 5, 7);
        }

        private sealed class RecordingReporter : IOperationReporter
        {
            public List<string> Warnings { get; } = new List<string>();
            public void Verbose(string message) { }
            public void Warning(string message) { lock (Warnings) Warnings.Add(message); }
            public void Progress(ProgressInfo progress) { }
        }

        private sealed class DescribedJobs : UnsupportedSageMakerClient
        {
            private readonly SageMakerJobDescription _job;
            public DescribedJobs(SageMakerJobDescription job) => _job = job;
            public override Task<SageMakerJobDescription> DescribeTrainingJobAsync(string name, CancellationToken cancellationToken) =>
                name == _job.Name ? Task.FromResult(_job) : throw new AwsServiceException("SageMaker", "DescribeTrainingJob", "ValidationException", 400, null, "Requested resource not found.");
            public override Task<SageMakerNamePage> ListNamesAsync(SageMakerNameList list, string? nameContains, string? nextToken, CancellationToken cancellationToken) =>
                Task.FromResult(new SageMakerNamePage(new[] { _job.Name }, null));
            public override Task<SageMakerSummaryPage> ListSummariesAsync(SageMakerListFilter filter, string? nextToken, CancellationToken cancellationToken) =>
                Task.FromResult(new SageMakerSummaryPage(new[] { new SageMakerResourceSummary(_job.Name, _job.Arn, _job.Status, _job.CreationTime) }, null));
        }
    }
}
