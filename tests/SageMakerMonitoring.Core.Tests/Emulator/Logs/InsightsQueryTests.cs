using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Logs.Insights;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    public class InsightsQueryTests
    {
        private readonly LogsTestService _logs = new LogsTestService();
        private readonly long _now = LogsTestService.NowMs;

        public InsightsQueryTests()
        {
            _logs.CreateStream("/api", "Primary/i-1");
            _logs.CreateStream("/api", "Primary/i-2");
            var one = new List<(long, string)>();
            var two = new List<(long, string)>();
            for (int i = 0; i < 12; i++)
            {
                long t = _now - 60 * 60_000 + i * 5 * 60_000; // every 5 minutes over the last hour
                string level = i % 4 == 0 ? "ERROR" : "INFO";
                one.Add((t, $"{{\"level\":\"{level}\",\"latencyMs\":{100 + i * 10},\"path\":\"/invocations\",\"user\":{{\"id\":{i % 3}}}}}"));
                two.Add((t + 1, $"plain request line {i} status={(i % 6 == 0 ? 500 : 200)}"));
            }
            _logs.Put("/api", "Primary/i-1", one.ToArray());
            _logs.Put("/api", "Primary/i-2", two.ToArray());
            _logs.Control("config", new { queryRunMilliseconds = 0 });
        }

        private List<Dictionary<string, string>> Run(string query, long? start = null, long? end = null, int? limit = null, string group = "/api")
        {
            var request = new Dictionary<string, object>
            {
                ["logGroupName"] = group,
                ["startTime"] = (start ?? _now - 2 * 3_600_000) / 1000,
                ["endTime"] = (end ?? _now) / 1000,
                ["queryString"] = query,
            };
            if (limit.HasValue) request["limit"] = limit.Value;
            string id = (string)_logs.Call("StartQuery", request)["queryId"]!;
            for (int i = 0; i < 500; i++)
            {
                JsonObject r = _logs.Call("GetQueryResults", new { queryId = id });
                if ((string)r["status"]! == "Complete")
                {
                    return r["results"]!.AsArray().Select(row => row!.AsArray().ToDictionary(c => (string)c!["field"]!, c => (string)c!["value"]!)).ToList();
                }
                Thread.Sleep(10);
            }
            throw new TimeoutException("query did not complete");
        }

        [Fact]
        public void DefaultQueryShowsSystemFieldsNewestFirstWithPointers()
        {
            var rows = Run("filter @logStream = 'Primary/i-2' | limit 3");
            Assert.Equal(3, rows.Count);
            Assert.Equal("plain request line 11 status=200", rows[0]["@message"]);
            Assert.Equal("plain request line 10 status=200", rows[1]["@message"]);
            Assert.Equal("Primary/i-2", rows[0]["@logStream"]);
            Assert.Equal("123456789012:/api", rows[0]["@log"]);
            Assert.Equal(LogsTimeText(_now - 60 * 60_000 + 11 * 5 * 60_000 + 1), rows[0]["@timestamp"]);
            Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r["@ptr"])));
            Assert.Equal(rows.Count, rows.Select(r => r["@ptr"]).Distinct().Count());
        }

        [Fact]
        public void FieldsFilterSortAndLimitOnJsonFields()
        {
            var rows = Run("fields @timestamp, level, latencyMs | filter level = \"ERROR\" and latencyMs >= 140 | sort latencyMs desc | limit 5");
            Assert.Equal(new[] { "180", "140" }, rows.Select(r => r["latencyMs"])); // ERROR lines carry 100, 140, 180
            Assert.All(rows, r => Assert.Equal("ERROR", r["level"]));
            Assert.All(rows, r => Assert.Equal(new[] { "@timestamp", "level", "latencyMs", "@ptr" }, r.Keys));

            Assert.Equal(4, Run("fields @message | filter @message like /status=500|\"ERROR\"/ and not (latencyMs > 150)").Count);
            Assert.Equal(2, Run("filter @message like 'status=500'").Count);
            Assert.Equal(9, Run("filter level != 'ERROR'").Count); // plain lines have no level: not counted
            Assert.Equal(4, Run("filter user.id = 0").Count);
            Assert.Equal(12, Run("filter ispresent(latencyMs)").Count);
            Assert.Equal(6, Run("filter latencyMs < 140 or @message =~ /line 1[01] /").Count);
            Assert.Equal(3, Run("filter level in ['ERROR'] | display latencyMs").Count);
            Assert.Equal(new[] { "latencyMs", "@ptr" }, Run("filter level in ['ERROR'] | display latencyMs")[0].Keys);
        }

        [Fact]
        public void StatsAggregatesByFieldsAndTimeBins()
        {
            var byLevel = Run("filter ispresent(level) | stats count(*) as n, avg(latencyMs), min(latencyMs), max(latencyMs), sum(latencyMs) by level");
            Assert.Equal(new[] { "ERROR", "INFO" }, byLevel.Select(r => r["level"]));
            Dictionary<string, string> error = byLevel[0];
            Assert.Equal("3", error["n"]);
            Assert.Equal("140", error["avg(latencyMs)"]); // 100, 140, 180
            Assert.Equal("100", error["min(latencyMs)"]);
            Assert.Equal("180", error["max(latencyMs)"]);
            Assert.Equal("420", error["sum(latencyMs)"]);
            Assert.False(error.ContainsKey("@ptr"));
            Assert.Equal("1440", byLevel[1]["sum(latencyMs)"]); // 100..210 sum to 1860, minus the ERROR lines' 420
        }

        [Fact]
        public void StatsCountsPerBinInTimeOrder()
        {
            var bins = Run("stats count(*) by bin(30m)");
            Assert.Equal(bins.Select(b => b["bin(30m)"]).OrderBy(b => b, StringComparer.Ordinal), bins.Select(b => b["bin(30m)"]));
            Assert.Equal(24, bins.Sum(b => int.Parse(b["count(*)"])));
            Assert.All(bins, b => Assert.EndsWith(":00:00.000", b["bin(30m)"].Substring(0, 13) + ":00:00.000"));
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:(00|30):00\.000$", bins[0]["bin(30m)"]);

            var distinct = Run("stats count_distinct(user.id) as users, count(level) as withLevel");
            Assert.Equal("3", distinct.Single()["users"]);
            Assert.Equal("12", distinct.Single()["withLevel"]);
        }

        [Fact]
        public void TimeRangeAndLimitBoundTheResults()
        {
            // Events at now-20m, -15m, -10m, -5m on both streams; the start is inclusive.
            Assert.Equal(8, Run("fields @message", start: _now - 20 * 60_000, end: _now).Count);
            Assert.Equal(6, Run("fields @message", start: _now - 20 * 60_000 + 1000, end: _now).Count);
            Assert.Equal(5, Run("fields @message", limit: 5).Count);
            var result = Run("stats count(*) by @logStream", limit: 1);
            Assert.Single(result);
        }

        [Fact]
        public void MalformedQueriesReportWhereTheyFailed()
        {
            foreach (string bad in new[] { "filter", "fields a |", "stats nosuch(x)", "sort", "limit -3", "filter @message like", "bogus a", "filter a = 'unterminated" })
            {
                AwsErrorException e = _logs.Fails("StartQuery", new { logGroupName = "/api", startTime = 0, endTime = 1, queryString = bad });
                Assert.Equal("MalformedQueryException", e.Code);
                Assert.NotNull(e.Details?["queryCompileError"]?["location"]?["startCharOffset"]);
            }
            AwsErrorException unknown = _logs.Fails("StartQuery", new { logGroupName = "/nope", startTime = 0, endTime = 1, queryString = "fields @message" });
            Assert.Equal("ResourceNotFoundException", unknown.Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("StartQuery", new { logGroupName = "/api", logGroupNames = new[] { "/api" }, startTime = 0, endTime = 1, queryString = "fields @message" }).Code);
            Assert.Equal("ResourceNotFoundException", _logs.Fails("GetQueryResults", new { queryId = "no-such-query" }).Code);
            Assert.Equal("ResourceNotFoundException", _logs.Fails("StopQuery", new { queryId = "no-such-query" }).Code);
        }

        [Fact]
        public void QueriesMoveThroughScheduledRunningCompleteAndCanBeStopped()
        {
            // A query is Scheduled for the first 30 % of its run time, then Running: 4 s leaves every step room on a
            // loaded machine (a poll loop that stalls for a second still sees each state).
            _logs.Control("config", new { queryRunMilliseconds = 4000, maxConcurrentQueries = 2 });
            object Start() => new { logGroupName = "/api", startTime = (_now - 3_600_000) / 1000, endTime = _now / 1000, queryString = "fields @message | limit 100" };
            string first = (string)_logs.Call("StartQuery", Start())["queryId"]!;
            string second = (string)_logs.Call("StartQuery", Start())["queryId"]!;
            Assert.Equal("Scheduled", (string)_logs.Call("GetQueryResults", new { queryId = first })["status"]!);
            AwsErrorException limit = _logs.Fails("StartQuery", Start());
            Assert.Equal("LimitExceededException", limit.Code);

            Assert.True((bool)_logs.Call("StopQuery", new { queryId = second })["success"]!);
            Assert.Equal("Cancelled", (string)_logs.Call("GetQueryResults", new { queryId = second })["status"]!);
            string third = (string)_logs.Call("StartQuery", Start())["queryId"]!;

            var seen = new List<string>();
            int partialRows = -1;
            for (int i = 0; i < 1000; i++)
            {
                JsonObject r = _logs.Call("GetQueryResults", new { queryId = first });
                string status = (string)r["status"]!;
                if (seen.Count == 0 || seen[seen.Count - 1] != status) seen.Add(status);
                if (status == "Running" && partialRows < 0) partialRows = r["results"]!.AsArray().Count;
                if (status == "Complete")
                {
                    Assert.Equal(24, r["results"]!.AsArray().Count);
                    Assert.Equal(24.0, (double)r["statistics"]!["recordsMatched"]!);
                    Assert.Equal(24.0, (double)r["statistics"]!["recordsScanned"]!);
                    Assert.True((double)r["statistics"]!["bytesScanned"]! > 0);
                    break;
                }
                Thread.Sleep(20);
            }
            Assert.Equal(new[] { "Scheduled", "Running", "Complete" }, seen);
            Assert.InRange(partialRows, 0, 23);

            AwsErrorException notRunning = _logs.Fails("StopQuery", new { queryId = first });
            Assert.Equal("InvalidParameterException", notRunning.Code);

            JsonObject described = _logs.Call("DescribeQueries", new { logGroupName = "/api" });
            var queries = described["queries"]!.AsArray().Select(q => q!.AsObject()).ToList();
            Assert.Equal(new[] { third, second, first }, queries.Select(q => (string)q["queryId"]!));
            Assert.Equal("Cancelled", (string)queries[1]["status"]!);
            Assert.Equal("Complete", (string)queries[2]["status"]!);
            Assert.Equal(LogsTestService.NowMs, (long)queries[2]["createTime"]!);
            Assert.Single(_logs.Call("DescribeQueries", new { status = "Cancelled" })["queries"]!.AsArray());
        }

        [Fact]
        public void ResultsPageWithMaxItemsAndNextToken()
        {
            string id = (string)_logs.Call("StartQuery", new { logGroupName = "/api", startTime = 0, endTime = _now / 1000, queryString = "fields @message" })["queryId"]!;
            // The engine runs in the background even with a zero run time: wait for Complete (bounded), not a fixed time.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((string)_logs.Call("GetQueryResults", new { queryId = id, maxItems = 1 })["status"]! != "Complete")
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the query did not complete");
                Thread.Sleep(10);
            }
            var messages = new List<string>();
            string? token = null;
            int pages = 0;
            do
            {
                var request = new Dictionary<string, object> { ["queryId"] = id, ["maxItems"] = 10 };
                if (token != null) request["nextToken"] = token;
                JsonObject r = _logs.Call("GetQueryResults", request);
                Assert.Equal("Complete", (string)r["status"]!);
                messages.AddRange(r["results"]!.AsArray().Select(row => (string)row!.AsArray().First(c => (string)c!["field"]! == "@message")!["value"]!));
                token = (string?)r["nextToken"];
                pages++;
            } while (token != null);
            Assert.Equal(3, pages);
            Assert.Equal(24, messages.Distinct().Count());
        }

        [Fact]
        public void ParserAcceptsTheDocumentedSubset()
        {
            InsightsQuery q = InsightsQueryParser.Parse(
                "fields @timestamp, @message, `user.id` # comment\n| filter (level = 'ERROR' or latencyMs > 500) and @message not like /health/ and x not in [1, 2] " +
                "| stats count(*) as errors, avg(latencyMs) by bin(5m), @logStream | sort errors desc, @logStream asc | limit 20");
            Assert.Equal(5, q.Commands.Count);
            var stats = Assert.IsType<InsightsStatsCommand>(q.Commands[2]);
            Assert.Equal(new[] { "errors", "avg(latencyMs)" }, stats.Aggregations.Select(a => a.OutputName));
            Assert.Equal(300_000, stats.Groupings[0].BinMilliseconds);
            Assert.Equal("bin(5m)", stats.Groupings[0].OutputName);
            Assert.Equal("@logStream", stats.Groupings[1].Field);
            var sort = Assert.IsType<InsightsSortCommand>(q.Commands[3]);
            Assert.True(sort.Keys[0].Value);
            Assert.False(sort.Keys[1].Value);
            Assert.Equal(20, Assert.IsType<InsightsLimitCommand>(q.Commands[4]).Count);

            InsightsSyntaxException e = Assert.Throws<InsightsSyntaxException>(() => InsightsQueryParser.Parse("fields a | stats avg(*)"));
            Assert.Equal(21, e.Start); // the *
        }

        private static string LogsTimeText(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff");
    }
}
