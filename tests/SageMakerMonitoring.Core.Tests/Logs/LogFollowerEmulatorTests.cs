using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>Follow against the emulator: events appended while following come out exactly once; the follow ends
    /// with the job; cancellation ends it without waiting for the next poll.</summary>
    [Collection("LogsEmulator")]
    public class LogFollowerEmulatorTests : IClassFixture<EmulatorFixture>
    {
        private const string Group = "/aws/sagemaker/TrainingJobs";
        private readonly EmulatorFixture _emulator;

        public LogFollowerEmulatorTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private Task Append(string stream, DateTime at, params string[] messages)
        {
            var events = new JsonArray();
            for (var i = 0; i < messages.Length; i++)
                events.Add(new JsonObject { ["timestamp"] = at.AddMilliseconds(i).ToString("o"), ["message"] = messages[i] });
            return _emulator.PostControlAsync("logs/append", new JsonObject { ["logGroupName"] = Group, ["logStreamName"] = stream, ["events"] = events });
        }

        private Task SetJob(string name, string status, DateTime created, DateTime? end = null)
        {
            var body = new JsonObject { ["type"] = "TrainingJob", ["name"] = name, ["status"] = status, ["creationTime"] = created.ToString("o"), ["startTime"] = created.ToString("o") };
            if (end.HasValue) body["endTime"] = end.Value.ToString("o");
            return _emulator.PostControlAsync("sagemaker/upsert", body);
        }

        private static async Task WaitFor(Func<bool> condition, TimeSpan timeout)
        {
            var sw = Stopwatch.StartNew();
            while (!condition())
            {
                if (sw.Elapsed > timeout) throw new TimeoutException("condition not reached");
                await Task.Delay(50);
            }
        }

        private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
        {
            var sw = Stopwatch.StartNew();
            while (!await condition())
            {
                if (sw.Elapsed > timeout) throw new TimeoutException("condition not reached");
                await Task.Delay(50);
            }
        }

        private async Task<long> FilterLogEventsCalls()
        {
            JsonNode? requests = await _emulator.GetControlAsync("requests");
            return requests?["operations"]?["logs.FilterLogEvents"]?.GetValue<long>() ?? 0;
        }

        [Fact]
        public async Task NewEventsAppearExactlyOnceAndTheFollowEndsWithTheJob()
        {
            await _emulator.ResetAsync("empty");
            var now = DateTime.UtcNow;
            const string job = "follow-job";
            await SetJob(job, "InProgress", now.AddMinutes(-10));
            var s1 = $"{job}/algo-1-{new DateTimeOffset(now.AddMinutes(-10)).ToUnixTimeSeconds()}";
            var s2 = $"{job}/algo-2-{new DateTimeOffset(now.AddMinutes(-10)).ToUnixTimeSeconds()}";
            await Append(s1, now.AddMinutes(-5), "a1", "a2");
            await Append(s2, now.AddMinutes(-5), "b1");

            using var factory = LogsEmulatorClients.Factory(_emulator.Url);
            var follower = new LogFollower(factory.CreateCloudWatchLogs()) { PollInterval = TimeSpan.FromMilliseconds(200), Overlap = TimeSpan.FromMinutes(10) };
            var probe = new SageMakerResourceResolver(factory.CreateSageMaker()).TerminalProbe(SageMakerResource.Create(SageMakerResourceType.TrainingJob, job))!;
            var request = new LogReadRequest(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.TrainingJob, job))) { StartTime = now.AddMinutes(-10) };
            var seen = new ConcurrentQueue<LogEvent>();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            var following = Task.Run(async () =>
            {
                await foreach (var e in follower.FollowAsync(request, probe, cts.Token)) seen.Enqueue(e);
            });

            await WaitFor(() => seen.Count >= 3, TimeSpan.FromSeconds(60));
            // Inside the overlap window, so every poll sees them again; they must still come out once.
            await Append(s1, now.AddMinutes(-1), "a3");
            await Append(s2, now.AddSeconds(-30), "b2", "b3");
            await WaitFor(() => seen.Count >= 6, TimeSpan.FromSeconds(60));
            // Several more polls over the same window (counted at the emulator, not timed).
            long polls = await FilterLogEventsCalls();
            await WaitForAsync(async () => await FilterLogEventsCalls() >= polls + 3, TimeSpan.FromSeconds(60));
            Assert.Equal(6, seen.Count);

            // The job ends; its last lines arrive just after.
            await Append(s1, now, "a-last");
            await SetJob(job, "Completed", now.AddMinutes(-10), now);
            await following.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(cts.IsCancellationRequested);

            var messages = seen.Select(e => e.Message).ToList();
            Assert.Equal(new[] { "a-last", "a1", "a2", "a3", "b1", "b2", "b3" }, messages.OrderBy(m => m, StringComparer.Ordinal));
            Assert.Equal(messages.Count, seen.Select(e => e.EventId).Distinct().Count());
        }

        [Fact]
        public async Task CancellationStopsTheFollowWithoutWaitingForTheNextPoll()
        {
            await _emulator.ResetAsync("empty");
            var now = DateTime.UtcNow;
            await Append("cancel-job/algo-1-1764000000", now.AddMinutes(-1), "x");
            using var factory = LogsEmulatorClients.Factory(_emulator.Url);
            var follower = new LogFollower(factory.CreateCloudWatchLogs()) { PollInterval = TimeSpan.FromSeconds(120) };
            var request = new LogReadRequest(LogLocationCatalog.For(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "cancel-job"))) { StartTime = now.AddMinutes(-5) };
            using var cts = new CancellationTokenSource();
            var got = 0;
            var following = Task.Run(async () =>
            {
                await foreach (var _ in follower.FollowAsync(request, null, cts.Token)) Interlocked.Increment(ref got);
            });
            await WaitFor(() => Volatile.Read(ref got) == 1, TimeSpan.FromSeconds(60));
            var sw = Stopwatch.StartNew();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);
            // The next poll is 120 s away: ending well inside 20 s, even on a loaded machine, means the wait between
            // polls observed the cancellation.
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"took {sw.Elapsed}");
        }
    }
}
