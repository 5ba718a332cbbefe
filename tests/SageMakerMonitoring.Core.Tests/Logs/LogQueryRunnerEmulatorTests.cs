using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>The Logs Insights runner against the emulator: typed rows, progress, splitting at the row cap,
    /// the concurrency limit, and StopQuery on cancellation and timeout.</summary>
    [Collection("LogsEmulator")]
    public class LogQueryRunnerEmulatorTests : IClassFixture<EmulatorFixture>
    {
        private const string Group = "/aws/sagemaker/TrainingJobs";
        private static readonly DateTime Start = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        private readonly EmulatorFixture _emulator;
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public LogQueryRunnerEmulatorTests(EmulatorFixture emulator, Xunit.Abstractions.ITestOutputHelper output)
        {
            _emulator = emulator;
            _output = output;
        }

        private sealed class RecordingReporter : IOperationReporter
        {
            public readonly List<string> Verbose = new List<string>();
            public readonly List<ProgressInfo> Progress = new List<ProgressInfo>();
            public Xunit.Abstractions.ITestOutputHelper? Output;
            void IOperationReporter.Verbose(string message) { lock (Verbose) Verbose.Add(message); Output?.WriteLine(message); }
            void IOperationReporter.Warning(string message) { lock (Verbose) Verbose.Add("WARNING: " + message); }
            public Action<ProgressInfo>? OnProgress;
            void IOperationReporter.Progress(ProgressInfo progress) { lock (Progress) Progress.Add(progress); OnProgress?.Invoke(progress); }
        }

        private async Task Synthetic(string job, int streams, int perStream, int intervalMs)
        {
            await _emulator.PostControlAsync("logs/synthetic", new JsonObject
            {
                ["jobName"] = job, ["streams"] = streams, ["eventsPerStream"] = perStream, ["intervalMs"] = intervalMs, ["start"] = Start.ToString("o"),
            });
        }

        private static async Task<List<LogQueryRow>> Collect(IAsyncEnumerable<LogQueryRow> rows)
        {
            var list = new List<LogQueryRow>();
            await foreach (var r in rows) list.Add(r);
            return list;
        }

        private async Task<string> QueryStatus(string queryId)
        {
            var result = await _emulator.AwsAsync("logs", "describe-queries", "--log-group-name", Group);
            Assert.Equal(0, result.ExitCode);
            var queries = JsonNode.Parse(result.Stdout)!["queries"]!.AsArray();
            return queries.First(q => q!["queryId"]!.GetValue<string>() == queryId)!["status"]!.GetValue<string>();
        }

        [Fact]
        public async Task RowsAreTypedAndProgressIsReported()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("q-typed", 2, 3_000, 100);
            using var factory = LogsEmulatorClients.Factory(_emulator.Url);
            var reporter = new RecordingReporter();
            var runner = new LogQueryRunner(factory.CreateCloudWatchLogs(), reporter) { PollInterval = TimeSpan.FromMilliseconds(50) };
            var request = new LogQueryRequest(new[] { Group }, "fields @timestamp, @logStream, latencyMs, @message | filter @message like /latencyMs/ | sort @timestamp asc", Start, Start.AddHours(1));
            var rows = await Collect(runner.RunAsync(request));
            Assert.Equal(6, rows.Count); // steps 1,000, 2,000 and 3,000 on each host are JSON lines
            Assert.All(rows, r => Assert.IsType<DateTime>(r["@timestamp"]));
            Assert.All(rows, r => Assert.IsType<long>(r["latencyMs"]));
            Assert.All(rows, r => Assert.IsType<string>(r["@message"]));
            Assert.Contains(reporter.Progress, p => p.Status.Contains("records matched") && p.Status.Contains("scanned"));
            Assert.Contains(reporter.Progress, p => p.Completed);
        }

        [Fact]
        public async Task ResultsBeyondTheRowCapAreSplitByTimeUntilEveryRowComesBack()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("q-split", 2, 1_300, 1_000); // 2,600 events over ~22 minutes
            using var factory = LogsEmulatorClients.Factory(_emulator.Url);
            var reporter = new RecordingReporter();
            var runner = new LogQueryRunner(factory.CreateCloudWatchLogs(), reporter) { RowCap = 1_000, PollInterval = TimeSpan.FromMilliseconds(50) };
            var request = new LogQueryRequest(new[] { Group }, "fields @timestamp, @message, @logStream", Start, Start.AddHours(1));
            var rows = await Collect(runner.RunAsync(request));
            Assert.Equal(2_600, rows.Count);
            Assert.Equal(2_600, rows.Select(r => (string)r["@logStream"]! + (DateTime)r["@timestamp"]!).Distinct().Count());
            Assert.True(runner.Statistics.Splits >= 2);
            Assert.Contains(reporter.Verbose, v => v.Contains("splitting the range"));
            // Default order is newest first, and the halves keep it.
            var times = rows.Select(r => (DateTime)r["@timestamp"]!).ToList();
            for (var i = 1; i < times.Count; i++) Assert.True(times[i - 1] >= times[i]);
        }

        [Fact]
        public async Task ConcurrencyLimitIsWaitedOut()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("q-limit", 1, 100, 1_000);
            await _emulator.PostControlAsync("logs/config", new JsonObject { ["maxConcurrentQueries"] = 1, ["queryRunMilliseconds"] = 5_000 });
            try
            {
                using var factory = LogsEmulatorClients.Factory(_emulator.Url);
                // Occupy the only slot.
                await factory.CreateCloudWatchLogs().StartQueryAsync(new Core.Aws.StartQueryRequest
                {
                    LogGroupNames = new[] { Group }, QueryString = "fields @message", StartTime = Start, EndTime = Start.AddHours(1),
                }, default);
                var reporter = new RecordingReporter { Output = _output };
                var runner = new LogQueryRunner(factory.CreateCloudWatchLogs(), reporter) { ConcurrencyBackoff = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(50) };
                var rows = await Collect(runner.RunAsync(new LogQueryRequest(new[] { Group }, "fields @message", Start, Start.AddHours(1))));
                Assert.Equal(100, rows.Count);
                Assert.Contains(reporter.Verbose, v => v.Contains("concurrent Logs Insights query limit"));
            }
            finally
            {
                await _emulator.PostControlAsync("logs/config", new JsonObject { ["maxConcurrentQueries"] = 30, ["queryRunMilliseconds"] = 300 });
            }
        }

        [Fact]
        public async Task CancellationAndTimeoutStopTheQueryOnTheService()
        {
            await _emulator.ResetAsync("empty");
            await Synthetic("q-stop", 1, 100, 1_000);
            await _emulator.PostControlAsync("logs/config", new JsonObject { ["queryRunMilliseconds"] = 60_000 });
            try
            {
                using var factory = LogsEmulatorClients.Factory(_emulator.Url);
                var request = new LogQueryRequest(new[] { Group }, "fields @message", Start, Start.AddHours(1));
                IReadOnlyList<string> cancelledIds;

                // Cancel as soon as the query is running on the service (its first progress report).
                using (var cts = new CancellationTokenSource())
                {
                    var reporter = new RecordingReporter { Output = _output, OnProgress = p => { if (p.Status.StartsWith("Running") || p.Status.StartsWith("Scheduled")) cts.Cancel(); } };
                    var cancelled0 = new LogQueryRunner(factory.CreateCloudWatchLogs(), reporter) { PollInterval = TimeSpan.FromMilliseconds(50) };
                    var sw = Stopwatch.StartNew();
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Collect(cancelled0.RunAsync(request, cts.Token)));
                    // The query runs 60 s on the service: ending well inside 20 s, even on a loaded machine, means the
                    // cancellation stopped the polling.
                    Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"took {sw.Elapsed}");
                    cancelledIds = cancelled0.StoppedQueryIds;
                }
                var stopped = Assert.Single(cancelledIds);
                Assert.Equal("Cancelled", await QueryStatus(stopped));

                var timed = new LogQueryRunner(factory.CreateCloudWatchLogs()) { PollInterval = TimeSpan.FromMilliseconds(50) };
                var withTimeout = new LogQueryRequest(new[] { Group }, "fields @message", Start, Start.AddHours(1)) { Timeout = TimeSpan.FromSeconds(4) };
                var ex = await Assert.ThrowsAsync<MonitoringException>(() => Collect(timed.RunAsync(withTimeout)));
                Assert.Equal("QueryTimedOut", ex.ErrorId);
                Assert.Equal("Cancelled", await QueryStatus(Assert.Single(timed.StoppedQueryIds)));
            }
            finally
            {
                await _emulator.PostControlAsync("logs/config", new JsonObject { ["queryRunMilliseconds"] = 300 });
            }
        }
    }
}
