using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>The multi-stream reader over real HTTP against the emulator's CloudWatch Logs.</summary>
    [Collection("LogsEmulator")]
    public class LogEventReaderEmulatorTests : IClassFixture<EmulatorFixture>
    {
        private static readonly DateTime Start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly EmulatorFixture _emulator;

        public LogEventReaderEmulatorTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private Task<JsonNode?> Synthetic(string job, int streams, int perStream, int intervalMs = 10) =>
            _emulator.PostControlAsync("logs/synthetic", new JsonObject
            {
                ["jobName"] = job,
                ["streams"] = streams,
                ["eventsPerStream"] = perStream,
                ["intervalMs"] = intervalMs,
                ["start"] = Start.ToString("o"),
            });

        private async Task<List<LogEvent>> ReadAll(LogReadRequest request, LogEventReader? reader = null)
        {
            using var factory = LogsEmulatorClients.Factory(_emulator.Url);
            reader ??= new LogEventReader(factory.CreateCloudWatchLogs());
            var list = new List<LogEvent>();
            await foreach (var e in reader.ReadAsync(request)) list.Add(e);
            return list;
        }

        private static LogReadRequest Job(string job, LogStreamSelector? selector = null, string? filter = null) =>
            new LogReadRequest(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.TrainingJob, job)))
            {
                Selector = selector ?? LogStreamSelector.All,
                FilterPattern = filter,
            };

        private static void AssertTimeOrdered(IReadOnlyList<LogEvent> events)
        {
            for (var i = 1; i < events.Count; i++) Assert.True(events[i - 1].UtcTimestamp <= events[i].UtcTimestamp, $"event {i} is out of order");
        }

        [Fact]
        public async Task ReadsEveryHostMergedInTimeOrder()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("reader-merge", 4, 2_500);
            var events = await ReadAll(Job("reader-merge"));
            Assert.Equal(10_000, events.Count);
            AssertTimeOrdered(events);
            Assert.Equal(new[] { "algo-1", "algo-2", "algo-3", "algo-4" }, events.Select(e => e.Host).Distinct().OrderBy(h => h));
            Assert.All(events, e => Assert.Equal("reader-merge", e.ResourceName));
            Assert.Equal(10_000, events.Select(e => e.EventId).Distinct().Count());
        }

        [Fact]
        public async Task MoreThanOneHundredStreamsAreReadInSeveralCallsAndMerged()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("reader-wide", 130, 15, intervalMs: 7);
            // A host filter forces reading by stream names: 130 names need two FilterLogEvents series.
            var selector = new LogStreamSelector { Hosts = new[] { "algo-*" } };
            await _emulator.PostControlAsync("requests/reset");
            var first = await ReadAll(Job("reader-wide", selector));
            var counts = await _emulator.GetControlAsync("requests");
            Assert.True(counts!["operations"]!["logs.FilterLogEvents"]!.GetValue<int>() >= 2);
            Assert.Equal(130 * 15, first.Count);
            AssertTimeOrdered(first);

            // Same events as the single prefix series, and the same order every time.
            var byPrefix = await ReadAll(Job("reader-wide"));
            Assert.Equal(byPrefix.Select(e => e.EventId).OrderBy(x => x), first.Select(e => e.EventId).OrderBy(x => x));
            var second = await ReadAll(Job("reader-wide", selector));
            Assert.Equal(first.Select(e => e.EventId), second.Select(e => e.EventId));
        }

        [Fact]
        public async Task NarrowsByHost()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("reader-host", 4, 100);
            var events = await ReadAll(Job("reader-host", new LogStreamSelector { Hosts = new[] { "algo-2", "reader-host/algo-4" } }));
            Assert.Equal(200, events.Count);
            Assert.Equal(new[] { "algo-2", "algo-4" }, events.Select(e => e.Host).Distinct().OrderBy(h => h));
        }

        [Fact]
        public async Task EmptyPagesWithATokenDoNotEndTheRead()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("reader-sparse", 2, 60_000);
            // The service examines only 5,000 candidates per call, so most pages come back empty but with a token.
            await _emulator.PostControlAsync("logs/config", new JsonObject { ["scanBudget"] = 5_000 });
            try
            {
                using var factory = LogsEmulatorClients.Factory(_emulator.Url);
                var reader = new LogEventReader(factory.CreateCloudWatchLogs());
                var events = await ReadAll(Job("reader-sparse", filter: "NCCL"), reader);
                // One NCCL error every 50,000 events on each host.
                Assert.Equal(2, events.Count);
                Assert.All(events, e => Assert.StartsWith("ERROR: NCCL timeout", e.Message));
                Assert.True(reader.LastEmptyPagesWithToken > 5, $"only {reader.LastEmptyPagesWithToken} empty pages");
            }
            finally
            {
                await _emulator.PostControlAsync("logs/config", new JsonObject { ["scanBudget"] = 100_000 });
            }
        }

        [Fact]
        public async Task FilterPatternsSelectOnTheService()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("reader-filter", 2, 10_000);
            var warnings = await ReadAll(Job("reader-filter", filter: "WARNING"));
            Assert.Equal(4, warnings.Count);
            Assert.All(warnings, e => Assert.Contains("data loader", e.Message));
            var json = await ReadAll(Job("reader-filter", filter: "{ $.level = \"INFO\" }"));
            Assert.Equal(16, json.Count);
            Assert.All(json, e => Assert.StartsWith("{", e.Message));
        }

        [Fact]
        public async Task TimeRangeIsStartInclusiveEndExclusive()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("reader-range", 1, 1_000, intervalMs: 1_000);
            var request = new LogReadRequest(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "reader-range")))
            {
                StartTime = Start.AddSeconds(10),
                EndTime = Start.AddSeconds(20),
            };
            var events = await ReadAll(request);
            Assert.Equal(10, events.Count);
            Assert.Equal(Start.AddSeconds(10), events[0].UtcTimestamp);
            Assert.Equal(Start.AddSeconds(19), events[^1].UtcTimestamp);
        }

        [Fact]
        public async Task MissingGroupReadsNothingForAResourceAndFailsForAnExplicitGroup()
        {
            await _emulator.ResetAsync("empty");
            var events = await ReadAll(Job("never-ran"));
            Assert.Empty(events);
            var explicitGroup = new LogReadRequest(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.Custom, "/no/such/group"))) { MissingGroupIsEmpty = false };
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => ReadAll(explicitGroup));
            Assert.Equal("LogGroupNotFound", ex.ErrorId);
        }

        [Fact]
        public async Task DemoWorldNamingForEveryResource()
        {
            await _emulator.ResetAsync("demo");
            using var factory = LogsEmulatorClients.Factory(_emulator.Url);
            var lister = new LogStreamLister(factory.CreateCloudWatchLogs());

            var training = await lister.ListAsync(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "demo-train-resnet50")), null, true, default);
            Assert.Equal(new[] { "algo-1", "algo-2", "algo-3", "algo-4" }, training.Select(s => s.Host));
            Assert.All(training, s => Assert.NotNull(s.Epoch));

            var endpoint = await lister.ListAsync(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.Endpoint, "demo-churn-endpoint")), null, true, default);
            Assert.Equal(4, endpoint.Count);
            Assert.Equal(new[] { "container-1", "container-2" }, endpoint.Where(s => s.VariantName == "Pipeline").Select(s => s.ContainerName));
            Assert.Equal(2, endpoint.Count(s => s.VariantName == "Primary" && s.ContainerName is null));

            var notebook = await lister.ListAsync(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.NotebookInstance, "demo-notebook")), null, true, default);
            Assert.Contains(notebook, s => s.LifecycleConfigHook == "LifecycleConfigOnStart");
            Assert.Contains(notebook, s => s.Source == "jupyter.log");

            var processing = await lister.ListAsync(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.ProcessingJob, "demo-preprocess")), null, true, default);
            Assert.Equal(new[] { "algo-1", "algo-2" }, processing.Select(s => s.Host));
        }
    }
}
