using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    /// <summary>FilterLogEvents over the 1,000,000-event synthetic job (16 streams x 62,500): every event comes back
    /// exactly once, in order, through the pages. (The serving rate is measured by the benchmark, not here.)</summary>
    public class SyntheticLogsPagingTests
    {
        private const string Group = "/aws/sagemaker/TrainingJobs";

        [Fact]
        public void FilterLogEventsPagesServeEveryEventOfTheMillionEventJobOnceAndInOrder()
        {
            const int streams = 16, perStream = 62_500, intervalMs = 10;
            var logs = new LogsTestService();
            JsonNode? created = logs.Control("synthetic", new
            {
                logGroupName = Group, jobName = "bench-train", streams, eventsPerStream = perStream,
                start = "2026-11-28T07:00:00Z", intervalMs,
            });
            Assert.Equal(1_000_000L, (long)created!["events"]!);
            long start = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
            JsonObject described = logs.Call("DescribeLogStreams", new { logGroupName = Group, logStreamNamePrefix = "bench-train/" });
            Assert.Equal(streams, described["logStreams"]!.AsArray().Count);

            // Next expected event index per stream: each stream's events must arrive in order, without gaps or repeats.
            var next = new Dictionary<string, int>();
            long served = 0, lastTimestamp = long.MinValue, errors = 0;
            int pages = 0;
            string? token = null;
            do
            {
                var request = new Dictionary<string, object> { ["logGroupName"] = Group, ["logStreamNamePrefix"] = "bench-train/" };
                if (token != null) request["nextToken"] = token;
                JsonObject page = logs.Call("FilterLogEvents", request);
                JsonArray events = page["events"]!.AsArray();
                Assert.True(events.Count <= 10_000, $"page {pages} has {events.Count} events");
                foreach (JsonNode? e in events)
                {
                    string stream = (string)e!["logStreamName"]!;
                    long timestamp = (long)e["timestamp"]!;
                    next.TryGetValue(stream, out int index);
                    if (timestamp != start + (long)index * intervalMs)
                        Assert.Fail($"{stream}: expected event {index} at {start + (long)index * intervalMs}, got {timestamp}");
                    if (timestamp < lastTimestamp) Assert.Fail($"{stream}: {timestamp} comes after {lastTimestamp}");
                    if (((string)e["message"]!).StartsWith("ERROR: NCCL timeout", StringComparison.Ordinal)) errors++;
                    next[stream] = index + 1;
                    lastTimestamp = timestamp;
                    served++;
                }
                token = (string?)page["nextToken"];
                pages++;
                Assert.True(pages < 10_000, "paging does not end");
            } while (token != null);

            Assert.Equal(1_000_000, served);
            Assert.Equal(streams, next.Count);
            Assert.All(next.Values, count => Assert.Equal(perStream, count));
            Assert.True(pages >= 100, $"{pages} pages for 1,000,000 events");
            Assert.Equal(streams, errors); // one NCCL error line per 50,000 events of each host
        }
    }
}
