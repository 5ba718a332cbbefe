using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    public class LogsServiceEventTests
    {
        private readonly LogsTestService _logs = new LogsTestService();
        private readonly long _now = LogsTestService.NowMs;

        [Fact]
        public void FilterLogEventsInterleavesStreamsByTimestampThenIngestion()
        {
            _logs.CreateStream("/g", "s1");
            _logs.CreateStream("/g", "s2");
            _logs.Put("/g", "s1", (_now - 300, "s1 a"), (_now - 100, "s1 c"));
            _logs.Put("/g", "s2", (_now - 200, "s2 b"), (_now - 100, "s2 c-later-ingested"));
            _logs.Clock.Advance(TimeSpan.FromSeconds(1));
            // Same timestamp as existing events but ingested later: sorts after them.
            _logs.Put("/g", "s1", (_now - 100, "s1 c-latest"));
            // An older batch arriving late is merged into place.
            _logs.Put("/g", "s2", (_now - 250, "s2 late-arrival"));

            var (events, _) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/g" });
            Assert.Equal(new[] { "s1 a", "s2 late-arrival", "s2 b", "s1 c", "s2 c-later-ingested", "s1 c-latest" }, events.Select(e => (string)e["message"]!));
            Assert.Equal(events.Count, events.Select(e => (string)e["eventId"]!).Distinct().Count());
            Assert.All(events, e => Assert.Equal(56, ((string)e["eventId"]!).Length));
            JsonObject first = events[0];
            Assert.Equal("s1", (string)first["logStreamName"]!);
            Assert.Equal(_now - 300, (long)first["timestamp"]!);
            Assert.Equal(_now, (long)first["ingestionTime"]!);

            // Event ids are stable across calls and pagings.
            var (again, pages) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/g", ["limit"] = 1 });
            Assert.Equal(events.Select(e => (string)e["eventId"]!), again.Select(e => (string)e["eventId"]!));
            Assert.Equal(6, pages.Count);
        }

        [Fact]
        public void FilterLogEventsHonoursTimeRangeStreamSelectionAndPattern()
        {
            _logs.CreateStream("/g", "job/algo-1");
            _logs.CreateStream("/g", "job/algo-2");
            _logs.CreateStream("/g", "other");
            for (int i = 0; i < 10; i++)
            {
                _logs.Put("/g", "job/algo-1", (_now - 10_000 + i * 1000, $"algo-1 {(i % 3 == 0 ? "ERROR" : "INFO")} {i}"));
                _logs.Put("/g", "job/algo-2", (_now - 10_000 + i * 1000 + 1, $"algo-2 INFO {i}"));
                _logs.Put("/g", "other", (_now - 10_000 + i * 1000 + 2, $"other ERROR {i}"));
            }
            var (ranged, _) = _logs.FilterAll(new Dictionary<string, object>
            {
                ["logGroupName"] = "/g", ["logStreamNamePrefix"] = "job/", ["startTime"] = _now - 8000, ["endTime"] = _now - 6000,
            });
            // startTime and endTime are both inclusive.
            Assert.Equal(new[] { "algo-1 INFO 2", "algo-2 INFO 2", "algo-1 ERROR 3", "algo-2 INFO 3", "algo-1 INFO 4" }, ranged.Select(e => (string)e["message"]!));

            var (errors, _) = _logs.FilterAll(new Dictionary<string, object>
            {
                ["logGroupName"] = "/g", ["logStreamNames"] = new[] { "job/algo-1", "other" }, ["filterPattern"] = "ERROR -other",
            });
            Assert.Equal(new[] { "algo-1 ERROR 0", "algo-1 ERROR 3", "algo-1 ERROR 6", "algo-1 ERROR 9" }, errors.Select(e => (string)e["message"]!));

            var both = _logs.Fails("FilterLogEvents", new { logGroupName = "/g", logStreamNames = new[] { "other" }, logStreamNamePrefix = "job/" });
            Assert.Equal("InvalidParameterException", both.Code);
            var tooMany = _logs.Fails("FilterLogEvents", new { logGroupName = "/g", logStreamNames = Enumerable.Range(0, 101).Select(i => "s" + i).ToArray() });
            Assert.Equal("InvalidParameterException", tooMany.Code);
            var badPattern = _logs.Fails("FilterLogEvents", new { logGroupName = "/g", filterPattern = "{ $.a = " });
            Assert.Equal("InvalidParameterException", badPattern.Code);
            Assert.Equal("Invalid filter pattern", badPattern.Message);
            Assert.Equal("InvalidParameterException", _logs.Fails("FilterLogEvents", new { logGroupName = "/g", limit = 10_001 }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("FilterLogEvents", new { logGroupName = "/g", nextToken = "nope" }).Code);
            Assert.Equal("ResourceNotFoundException", _logs.Fails("FilterLogEvents", new { logGroupName = "/missing" }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("FilterLogEvents", new { limit = 5 }).Code);
        }

        [Fact]
        public void SparseFiltersAnswerEmptyPagesWithTokensUntilTheScanBudgetCoversEverything()
        {
            _logs.Control("config", new { scanBudget = 10_000 });
            _logs.Control("synthetic", new { logGroupName = "/bench", jobName = "bench", streams = 4, eventsPerStream = 60_000, start = "2026-11-28T08:00:00Z", intervalMs = 10 });

            var (errors, pages) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/bench", ["filterPattern"] = "ERROR" });
            // One NCCL error per 50,000 events on each host.
            Assert.Equal(4, errors.Count);
            Assert.All(errors, e => Assert.StartsWith("ERROR: NCCL timeout on rank", (string)e["message"]!));
            // 240,000 candidates at 10,000 per call: 24 calls, most of them empty but with a token.
            Assert.Equal(24, pages.Count);
            Assert.True(pages.Count(p => p == 0) >= 20);

            var (warnings, _) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/bench", ["filterPattern"] = "WARNING", ["logStreamNamePrefix"] = "bench/algo-2-" });
            Assert.Equal(11, warnings.Count); // every 5,000th event, except the 50,000th which is the error
            Assert.True(warnings.Zip(warnings.Skip(1), (a, b) => (long)a["timestamp"]! < (long)b["timestamp"]!).All(x => x));

            var (json, _) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/bench", ["filterPattern"] = "{ $.latencyMs > 900 && $.host = \"algo-1\" }" });
            Assert.NotEmpty(json);
            Assert.All(json, e => Assert.Contains("\"host\":\"algo-1\"", (string)e["message"]!));
        }

        [Fact]
        public void UnfilteredPagesStopAtTheLimitAndAtOneMegabyte()
        {
            _logs.CreateStream("/g", "big");
            string big = new string('x', 200_000);
            _logs.Put("/g", "big", Enumerable.Range(0, 4).Select(i => (_now - 100 + i, big)).ToArray());
            _logs.Put("/g", "big", Enumerable.Range(0, 4).Select(i => (_now - 50 + i, big)).ToArray());
            var (events, pages) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/g" });
            Assert.Equal(8, events.Count);
            Assert.Equal(new[] { 5, 3 }, pages);

            _logs.Control("synthetic", new { logGroupName = "/bench", jobName = "b", streams = 2, eventsPerStream = 15_000, start = "2026-11-28T08:00:00Z" });
            var (all, sizes) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/bench" });
            Assert.Equal(30_000, all.Count);
            Assert.Equal(new[] { 10_000, 10_000, 10_000 }, sizes);
            Assert.True(all.Zip(all.Skip(1), (a, b) => (long)a["timestamp"]! <= (long)b["timestamp"]!).All(x => x));
        }

        [Fact]
        public void FilterTokensPickUpEventsAppendedLater()
        {
            _logs.Control("append", new { logGroupName = "/live", logStreamName = "s", events = new[] { new { timestamp = _now - 2000, message = "one" }, new { timestamp = _now - 1000, message = "two" } } });
            JsonObject page = _logs.Call("FilterLogEvents", new { logGroupName = "/live", limit = 1 });
            string token = (string)page["nextToken"]!;
            _logs.Control("append", new { logGroupName = "/live", logStreamName = "s", events = new[] { new { timestamp = _now, message = "three" } } });
            var (rest, _) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/live", ["nextToken"] = token });
            Assert.Equal(new[] { "two", "three" }, rest.Select(e => (string)e["message"]!));
        }

        [Fact]
        public void GetLogEventsReadsNewestFirstByDefaultAndPagesBothWays()
        {
            _logs.CreateStream("/g", "s");
            _logs.Put("/g", "s", Enumerable.Range(0, 10).Select(i => (_now - 10_000 + i * 1000, $"e{i}")).ToArray());

            JsonObject latest = _logs.Call("GetLogEvents", new { logGroupName = "/g", logStreamName = "s", limit = 3 });
            Assert.Equal(new[] { "e7", "e8", "e9" }, Messages(latest));
            string forward = (string)latest["nextForwardToken"]!;
            string backward = (string)latest["nextBackwardToken"]!;
            Assert.StartsWith("f/", forward);
            Assert.StartsWith("b/", backward);

            // Forward at the end: no events and the same token back.
            JsonObject end = _logs.Call("GetLogEvents", new { logGroupName = "/g", logStreamName = "s", nextToken = forward, startFromHead = true });
            Assert.Empty(Messages(end));
            Assert.Equal(forward, (string)end["nextForwardToken"]!);

            var older = new List<string>();
            string token = backward;
            while (true)
            {
                JsonObject page = _logs.Call("GetLogEvents", new { logGroupName = "/g", logStreamName = "s", nextToken = token, limit = 3 });
                older.InsertRange(0, Messages(page));
                string next = (string)page["nextBackwardToken"]!;
                if (next == token) break;
                token = next;
            }
            Assert.Equal(Enumerable.Range(0, 7).Select(i => $"e{i}"), older);

            // startFromHead reads oldest first; startTime inclusive, endTime exclusive.
            JsonObject head = _logs.Call("GetLogEvents", new { logGroupName = "/g", logStreamName = "s", startFromHead = true, startTime = _now - 8000, endTime = _now - 5000 });
            Assert.Equal(new[] { "e2", "e3", "e4" }, Messages(head));
            JsonObject headEvent = head["events"]![0]!.AsObject();
            Assert.Equal(_now - 8000, (long)headEvent["timestamp"]!);
            Assert.Equal(_now, (long)headEvent["ingestionTime"]!);
            Assert.Null(headEvent["eventId"]);

            // Following a live stream: the forward token at the end returns new events once they arrive.
            _logs.Put("/g", "s", (_now, "e10"));
            JsonObject followed = _logs.Call("GetLogEvents", new { logGroupName = "/g", logStreamName = "s", nextToken = forward, startFromHead = true });
            Assert.Equal(new[] { "e10" }, Messages(followed));
            Assert.NotEqual(forward, (string)followed["nextForwardToken"]!);

            _logs.CreateStream("/g", "empty");
            JsonObject empty = _logs.Call("GetLogEvents", new { logGroupName = "/g", logStreamName = "empty" });
            Assert.Empty(Messages(empty));
            Assert.NotNull((string?)empty["nextForwardToken"]);
            Assert.NotNull((string?)empty["nextBackwardToken"]);

            Assert.Equal("ResourceNotFoundException", _logs.Fails("GetLogEvents", new { logGroupName = "/g", logStreamName = "missing" }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("GetLogEvents", new { logGroupName = "/g", logStreamName = "s", nextToken = "x/1" }).Code);
        }

        [Fact]
        public void StoredStoreMergesOlderBatchesAndKeepsOrder()
        {
            var store = new StoredLogEventStore();
            store.Append(new[] { new LogEventInput(10, "a"), new LogEventInput(30, "c") }, 100);
            store.Append(new[] { new LogEventInput(20, "b"), new LogEventInput(30, "c2"), new LogEventInput(40, "d") }, 200);
            Assert.Equal(5, store.Count);
            Assert.Equal(new[] { "a", "b", "c", "c2", "d" }, Enumerable.Range(0, 5).Select(store.GetMessage));
            Assert.Equal(new long[] { 100, 200, 100, 200, 200 }, Enumerable.Range(0, 5).Select(store.GetIngestionTime));
            Assert.Equal(new[] { 0, 2, 1, 3, 4 }, Enumerable.Range(0, 5).Select(store.GetSequence));
            Assert.Equal(1, store.LowerBound(11));
            Assert.Equal(4, store.UpperBound(30));
            Assert.Equal(200, store.LastIngestionTime);
        }

        private static IEnumerable<string> Messages(JsonObject page) => page["events"]!.AsArray().Select(e => (string)e!["message"]!).ToList();
    }
}
