using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    /// <summary>The real aws CLI (botocore) against the emulator over HTTP with SigV4: shapes, paging and errors.</summary>
    public class LogsCliConformanceTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public LogsCliConformanceTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static string Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        [Fact]
        public async Task WriteDescribeAndReadBackAStream()
        {
            const string group = "/cli/write-read";
            await _emulator.AwsAsync("logs", "create-log-group", "--log-group-name", group).ContinueWith(t => t.Result.EnsureSuccess());
            (await _emulator.AwsAsync("logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", "job/algo-1")).EnsureSuccess();
            AwsCliResult again = await _emulator.AwsAsync("logs", "create-log-group", "--log-group-name", group);
            Assert.Equal("ResourceAlreadyExistsException", again.ErrorCode);

            DateTimeOffset now = DateTimeOffset.UtcNow;
            string events = new JsonArray(
                new JsonObject { ["timestamp"] = now.AddSeconds(-30).ToUnixTimeMilliseconds(), ["message"] = "starting job" },
                new JsonObject { ["timestamp"] = now.AddSeconds(-20).ToUnixTimeMilliseconds(), ["message"] = "ERROR: disk full on /opt/ml" },
                new JsonObject { ["timestamp"] = now.AddSeconds(-10).ToUnixTimeMilliseconds(), ["message"] = "{\"level\":\"WARN\",\"latencyMs\":700}" }).ToJsonString();
            JsonNode put = (await _emulator.AwsAsync("logs", "put-log-events", "--log-group-name", group, "--log-stream-name", "job/algo-1", "--log-events", events)).EnsureSuccess().Json!;
            Assert.False(string.IsNullOrEmpty((string?)put["nextSequenceToken"]));

            AwsCliResult unordered = await _emulator.AwsAsync("logs", "put-log-events", "--log-group-name", group, "--log-stream-name", "job/algo-1", "--log-events",
                $"timestamp={Ms(now)},message=b", $"timestamp={Ms(now.AddSeconds(-1))},message=a");
            Assert.Equal("InvalidParameterException", unordered.ErrorCode);

            JsonNode described = (await _emulator.AwsAsync("logs", "describe-log-streams", "--log-group-name", group, "--order-by", "LastEventTime", "--descending")).EnsureSuccess().Json!;
            JsonNode stream = Assert.Single(described["logStreams"]!.AsArray())!;
            Assert.Equal("job/algo-1", (string)stream["logStreamName"]!);
            Assert.Equal(now.AddSeconds(-30).ToUnixTimeMilliseconds(), (long)stream["firstEventTimestamp"]!);
            Assert.Equal(now.AddSeconds(-10).ToUnixTimeMilliseconds(), (long)stream["lastEventTimestamp"]!);
            Assert.True((long)stream["lastIngestionTime"]! >= now.AddSeconds(-10).ToUnixTimeMilliseconds());
            Assert.EndsWith(":log-group:/cli/write-read:log-stream:job/algo-1", (string)stream["arn"]!);

            JsonNode head = (await _emulator.AwsAsync("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", "job/algo-1", "--start-from-head", "--limit", "2")).EnsureSuccess().Json!;
            Assert.Equal(new[] { "starting job", "ERROR: disk full on /opt/ml" }, head["events"]!.AsArray().Select(e => (string)e!["message"]!));
            string forward = (string)head["nextForwardToken"]!;
            JsonNode rest = (await _emulator.AwsAsync("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", "job/algo-1", "--start-from-head", "--next-token", forward)).EnsureSuccess().Json!;
            Assert.Single(rest["events"]!.AsArray());
            JsonNode end = (await _emulator.AwsAsync("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", "job/algo-1", "--start-from-head", "--next-token", (string)rest["nextForwardToken"]!)).EnsureSuccess().Json!;
            Assert.Empty(end["events"]!.AsArray());
            Assert.Equal((string)rest["nextForwardToken"]!, (string)end["nextForwardToken"]!);

            JsonNode filtered = (await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-name", group, "--filter-pattern", "{ $.latencyMs > 500 }")).EnsureSuccess().Json!;
            JsonNode hit = Assert.Single(filtered["events"]!.AsArray())!;
            Assert.Equal("{\"level\":\"WARN\",\"latencyMs\":700}", (string)hit["message"]!);
            Assert.Equal("job/algo-1", (string)hit["logStreamName"]!);
            Assert.Equal(56, ((string)hit["eventId"]!).Length);

            AwsCliResult both = await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-name", group, "--log-stream-names", "job/algo-1", "--log-stream-name-prefix", "job/");
            Assert.Equal("InvalidParameterException", both.ErrorCode);
            AwsCliResult badPattern = await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-name", group, "--filter-pattern", "{ $.level = ");
            Assert.Equal("InvalidParameterException", badPattern.ErrorCode);
            Assert.Contains("Invalid filter pattern", badPattern.Stderr);
            AwsCliResult missing = await _emulator.AwsAsync("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", "nope");
            Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
        }

        [Fact]
        public async Task CliPaginatesThroughEmptyPagesOfASparseFilter()
        {
            await _emulator.PostControlAsync("logs/config", new JsonObject { ["scanBudget"] = 10_000 });
            try
            {
                await _emulator.PostControlAsync("logs/synthetic", new JsonObject
                {
                    ["logGroupName"] = "/cli/sparse", ["jobName"] = "sparse-job", ["streams"] = 4, ["eventsPerStream"] = 30_000, ["intervalMs"] = 10,
                });
                // The CLI follows nextToken itself (FilterLogEvents has a paginator) through 12 mostly empty pages.
                JsonNode result = (await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-name", "/cli/sparse", "--filter-pattern", "WARNING")).EnsureSuccess().Json!;
                var events = result["events"]!.AsArray();
                Assert.Equal(4 * 6, events.Count);
                Assert.All(events, e => Assert.StartsWith("WARNING: data loader worker", (string)e!["message"]!));
                var timestamps = events.Select(e => (long)e!["timestamp"]!).ToList();
                Assert.Equal(timestamps.OrderBy(t => t), timestamps);

                JsonNode onePage = (await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-name", "/cli/sparse", "--filter-pattern", "WARNING", "--no-paginate")).EnsureSuccess().Json!;
                Assert.Empty(onePage["events"]!.AsArray());
                Assert.False(string.IsNullOrEmpty((string?)onePage["nextToken"]));
            }
            finally
            {
                await _emulator.PostControlAsync("logs/config", new JsonObject { ["scanBudget"] = 100_000 });
            }
        }

        [Fact]
        public async Task InsightsQueryOverTheDemoEndpointLogs()
        {
            long end = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            long start = end - 26 * 3600;
            string queryId = (string)(await _emulator.AwsAsync("logs", "start-query", "--log-group-name", "/aws/sagemaker/Endpoints/demo-churn-endpoint",
                "--start-time", start.ToString(CultureInfo.InvariantCulture), "--end-time", end.ToString(CultureInfo.InvariantCulture),
                "--query-string", "filter level = 'ERROR' and latencyMs = 812 | stats count(*) as slowErrors by @logStream | sort @logStream"))
                .EnsureSuccess().Json!["queryId"]!;

            JsonNode? results = null;
            for (int attempt = 0; attempt < 60; attempt++)
            {
                results = (await _emulator.AwsAsync("logs", "get-query-results", "--query-id", queryId)).EnsureSuccess().Json!;
                if ((string)results["status"]! == "Complete") break;
                await Task.Delay(200);
            }
            Assert.Equal("Complete", (string)results!["status"]!);
            var rows = results["results"]!.AsArray();
            Assert.Equal(4, rows.Count);
            JsonArray first = rows[0]!.AsArray();
            Assert.Equal("@logStream", (string)first[0]!["field"]!);
            Assert.Equal("Pipeline/i-0a1b2c3d4e5f60003/container-1", (string)first[0]!["value"]!);
            Assert.Equal("slowErrors", (string)first[1]!["field"]!);
            Assert.Equal("1", (string)first[1]!["value"]!);
            Assert.True((double)results["statistics"]!["recordsScanned"]! > 2000);

            AwsCliResult stopped = await _emulator.AwsAsync("logs", "stop-query", "--query-id", queryId);
            Assert.Equal("InvalidParameterException", stopped.ErrorCode);

            AwsCliResult malformed = await _emulator.AwsAsync("logs", "start-query", "--log-group-name", "/aws/sagemaker/Endpoints/demo-churn-endpoint",
                "--start-time", start.ToString(CultureInfo.InvariantCulture), "--end-time", end.ToString(CultureInfo.InvariantCulture), "--query-string", "stats avg(*)");
            Assert.Equal("MalformedQueryException", malformed.ErrorCode);

            AwsCliResult unknown = await _emulator.AwsAsync("logs", "get-query-results", "--query-id", "00000000-0000-0000-0000-000000000000");
            Assert.Equal("ResourceNotFoundException", unknown.ErrorCode);
        }

        [Fact]
        public async Task MalformedQueryAnswerCarriesTheCompileErrorOnTheWire()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_emulator.Url, "logs", "Logs_20140328.StartQuery", "1.1",
                "{\"logGroupName\":\"/aws/sagemaker/TrainingJobs\",\"startTime\":0,\"endTime\":10,\"queryString\":\"fields a | bogus\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("MalformedQueryException", (string)body["__type"]!);
            Assert.Equal(11, (int)body["queryCompileError"]!["location"]!["startCharOffset"]!);
            Assert.Equal(15, (int)body["queryCompileError"]!["location"]!["endCharOffset"]!);
            Assert.Contains("bogus", (string)body["queryCompileError"]!["message"]!);
        }

        [Fact]
        public async Task DescribeLogGroupsAndStreamsPageThroughTheCli()
        {
            JsonNode groups = (await _emulator.AwsAsync("logs", "describe-log-groups", "--log-group-name-prefix", "/aws/sagemaker/", "--page-size", "2")).EnsureSuccess().Json!;
            var names = groups["logGroups"]!.AsArray().Select(g => (string)g!["logGroupName"]!).ToList();
            Assert.Contains("/aws/sagemaker/TrainingJobs", names);
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
            Assert.Equal(names.Count, names.Distinct().Count());

            JsonNode streams = (await _emulator.AwsAsync("logs", "describe-log-streams", "--log-group-name", "/aws/sagemaker/TrainingJobs",
                "--log-stream-name-prefix", "demo-train-resnet50/", "--page-size", "1")).EnsureSuccess().Json!;
            Assert.Equal(4, streams["logStreams"]!.AsArray().Count);

            AwsCliResult conflict = await _emulator.AwsAsync("logs", "describe-log-streams", "--log-group-name", "/aws/sagemaker/TrainingJobs",
                "--log-stream-name-prefix", "demo", "--order-by", "LastEventTime");
            Assert.Equal("InvalidParameterException", conflict.ErrorCode);
        }
    }
}
