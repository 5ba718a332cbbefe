using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    /// <summary>The metric services over the real wire (SigV4, JSON protocol) against the in-process emulator.</summary>
    public class MetricEmulatorTests : IClassFixture<EmulatorFixture>
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
        private readonly EmulatorFixture _emulator;

        public MetricEmulatorTests(EmulatorFixture emulator) => _emulator = emulator;

        /// <param name="maxAttempts">1 (the default here) so request counts are exact; null for the module's own retry settings.</param>
        private AwsClientFactory Clients(int? maxAttempts = 1) => new AwsClientFactory(new AwsClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = _emulator.Url,
            Credentials = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            MaxAttempts = maxAttempts,
        });

        private async Task ResetAt(DateTime now, string seed = "demo")
        {
            // Reset puts the clock back to real time, so seed after freezing: the demo world is relative to "now".
            await _emulator.ResetAsync("empty");
            await _emulator.PostControlAsync("clock", new JsonObject { ["freeze"] = now.ToString("o") });
            if (seed != "empty") await _emulator.PostControlAsync("seed", new JsonObject { ["seed"] = seed });
        }

        private async Task<int> Requests(string operation)
        {
            var counts = await _emulator.GetControlAsync("requests");
            return counts?["operations"]?["monitoring." + operation]?.GetValue<int>() ?? 0;
        }

        private static MetricQuery Training(string name, Action<MetricQuery>? configure = null)
        {
            var q = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, name)));
            configure?.Invoke(q);
            return q;
        }

        private static async Task<List<MetricDatapoint>> Collect(IAsyncEnumerable<MetricDatapoint> source)
        {
            var list = new List<MetricDatapoint>();
            await foreach (var p in source) list.Add(p);
            return list;
        }

        [Fact]
        public async Task BenchmarkWorkloadIsReadInTheLowerBoundOfCalls()
        {
            await ResetAt(Now, "empty");
            await _emulator.PostControlAsync("monitoring/synthetic", new JsonObject { ["jobName"] = "bench-train", ["hosts"] = 16, ["seconds"] = 10800, ["resolution"] = 1, ["end"] = Now.ToString("o") });
            await _emulator.PostControlAsync("requests/reset");
            using var clients = Clients();
            var service = new MetricQueryService(clients.CreateCloudWatch(), clients.CreateSageMaker(), null, () => Now);
            long count = 0;
            await foreach (var p in service.GetAsync(Training("bench-train", q => q.Since = TimeSpan.FromHours(3)), default)) count++;
            Assert.Equal(864_000, count);
            Assert.Equal(9, service.LowerBound);
            Assert.Equal(9, await Requests("GetMetricData"));
        }

        [Fact]
        public async Task ThrottlingAnd5xxAt30PercentChangeNothing()
        {
            await ResetAt(Now, "empty");
            await _emulator.PostControlAsync("monitoring/synthetic", new JsonObject { ["jobName"] = "fault-train", ["hosts"] = 12, ["seconds"] = 3600, ["resolution"] = 1, ["end"] = Now.ToString("o") });
            // The SDK's pipeline retries throttling and 5xx, with the module's default maximum attempts.
            using var clients = Clients(maxAttempts: null);
            var options = new MetricReadOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
            var query = Training("fault-train", q => q.Since = TimeSpan.FromHours(1));
            var clean = await Collect(new MetricQueryService(clients.CreateCloudWatch(), null, null, () => Now, options).GetAsync(query, default));
            Assert.Equal(12 * 5 * 3600, clean.Count);

            await _emulator.PostControlAsync("faults", new JsonObject
            {
                ["seed"] = 7,
                ["rules"] = new JsonArray(new JsonObject { ["service"] = "monitoring", ["operation"] = "*", ["throttleRate"] = 0.3, ["errorRate"] = 0.3 }),
            });
            try
            {
                var faulty = await Collect(new MetricQueryService(clients.CreateCloudWatch(), null, null, () => Now, options).GetAsync(query, default));
                string Key(MetricDatapoint p) => $"{p.Host} {p.MetricName} {p.UtcTimestamp:O} {p.Value:R}";
                Assert.Equal(clean.Select(Key).OrderBy(k => k), faulty.Select(Key).OrderBy(k => k));
                var faults = await _emulator.GetControlAsync("faults");
                var injected = faults!["injected"]!.AsObject();
                Assert.True(injected.Sum(p => p.Value!.GetValue<long>()) >= 3, faults.ToJsonString());
            }
            finally
            {
                await _emulator.PostControlAsync("faults", new JsonObject { ["rules"] = new JsonArray() });
            }
        }

        [Fact]
        public async Task DemoTrainingJobGetsItsHostsAndHighResolution()
        {
            await ResetAt(Now);
            using var clients = Clients();
            var warnings = new List<string>();
            var service = new MetricQueryService(clients.CreateCloudWatch(), clients.CreateSageMaker(), null, () => Now);
            var points = await Collect(service.GetAsync(Training("demo-train-resnet50", q => { q.Since = TimeSpan.FromMinutes(10); q.MetricNames = new[] { "GPUUtilization" }; }), default));
            Assert.Equal(new[] { "algo-1", "algo-2", "algo-3", "algo-4" }, points.Select(p => p.Host).Distinct().OrderBy(h => h));
            Assert.Equal(4 * 600, points.Count);
            Assert.All(points, p => Assert.Equal(1, p.Period));
            var algo3 = points.Where(p => p.Host == "algo-3").Average(p => p.Value);
            var algo1 = points.Where(p => p.Host == "algo-1").Average(p => p.Value);
            Assert.True(algo3 < algo1 / 2, $"algo-3 {algo3} vs algo-1 {algo1}");
        }

        [Fact]
        public async Task DemoEndpointDefaultsAndPercentiles()
        {
            await ResetAt(Now);
            using var clients = Clients();
            var service = new MetricQueryService(clients.CreateCloudWatch(), clients.CreateSageMaker(), null, () => Now);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.Endpoint, "demo-churn-endpoint")))
            {
                Since = TimeSpan.FromHours(1),
            };
            var points = await Collect(service.GetAsync(query, default));
            Assert.Equal(new[] { "Pipeline", "Primary" }, points.Select(p => p.VariantName).Distinct().OrderBy(v => v));
            Assert.Contains(points, p => p.MetricName == "Invocations" && p.Statistic == "Sum");
            Assert.Contains(points, p => p.MetricName == "ModelLatency" && p.Statistic == "Average" && p.Unit == "Microseconds");
            Assert.All(points, p => Assert.Equal(60, p.Period));

            var p99 = await Collect(service.GetAsync(new MetricQuery(query.Selection) { Since = TimeSpan.FromHours(1), MetricNames = new[] { "ModelLatency" }, Statistics = new[] { "p50", "p99" } }, default));
            var byTime = p99.Where(p => p.VariantName == "Primary").GroupBy(p => p.UtcTimestamp).Where(g => g.Count() == 2).ToList();
            Assert.NotEmpty(byTime);
            Assert.All(byTime, g => Assert.True(g.Single(p => p.Statistic == "p99").Value >= g.Single(p => p.Statistic == "p50").Value));
        }

        [Fact]
        public async Task StandardResolutionMetricsAreReadAtAMinuteWhenAskedForSeconds()
        {
            await ResetAt(Now);
            using var clients = Clients();
            var service = new MetricQueryService(clients.CreateCloudWatch(), clients.CreateSageMaker(), null, () => Now);
            var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.Endpoint, "demo-churn-endpoint", "Primary")))
            {
                Since = TimeSpan.FromMinutes(30), Period = 1, MetricNames = new[] { "Invocations", "CPUUtilization" },
            };
            var points = await Collect(service.GetAsync(query, default));
            Assert.Equal(new[] { "CPUUtilization", "Invocations" }, points.Select(p => p.MetricName).Distinct().OrderBy(n => n));
            Assert.All(points, p => Assert.Equal(60, p.Period));
            Assert.InRange(points.Count(p => p.MetricName == "Invocations"), 29, 31);
        }

        [Fact]
        public async Task ExplicitPeriodTooFineForTheRangeIsAnError()
        {
            await ResetAt(Now);
            using var clients = Clients();
            var service = new MetricQueryService(clients.CreateCloudWatch(), clients.CreateSageMaker(), null, () => Now);
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => Collect(service.GetAsync(Training("demo-train-resnet50", q => { q.Since = TimeSpan.FromHours(5); q.Period = 1; }), default)));
            Assert.Equal("PeriodNotRetained", ex.ErrorId);
        }

        [Fact]
        public async Task FindListsTheJobsMetricsPerHost()
        {
            await ResetAt(Now);
            using var clients = Clients();
            var service = new MetricQueryService(clients.CreateCloudWatch(), clients.CreateSageMaker(), null, () => Now);
            var found = new List<MetricInfo>();
            await foreach (var m in service.FindAsync(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "demo-train-resnet50")), false, default)) found.Add(m);
            Assert.Equal(20, found.Count);
            Assert.All(found, m => Assert.Equal("/aws/sagemaker/TrainingJobs", m.Namespace));
        }
    }
}
