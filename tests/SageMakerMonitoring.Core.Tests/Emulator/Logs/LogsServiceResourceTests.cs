using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    public class LogsServiceResourceTests
    {
        private readonly LogsTestService _logs = new LogsTestService();

        [Fact]
        public void LogGroupsAreCreatedOnceListedSortedAndPaged()
        {
            foreach (string name in new[] { "/b/two", "/a/one", "/b/one", "/c" })
                _logs.Call("CreateLogGroup", new { logGroupName = name });
            Assert.Equal("ResourceAlreadyExistsException", _logs.Fails("CreateLogGroup", new { logGroupName = "/c" }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("CreateLogGroup", new { logGroupName = "bad name!" }).Code);

            var names = new List<string>();
            string? token = null;
            int pages = 0;
            do
            {
                var request = new Dictionary<string, object> { ["limit"] = 3 };
                if (token != null) request["nextToken"] = token;
                JsonObject page = _logs.Call("DescribeLogGroups", request);
                names.AddRange(page["logGroups"]!.AsArray().Select(g => (string)g!["logGroupName"]!));
                token = (string?)page["nextToken"];
                pages++;
            } while (token != null);
            Assert.Equal(new[] { "/a/one", "/b/one", "/b/two", "/c" }, names);
            Assert.Equal(2, pages);

            JsonObject prefixed = _logs.Call("DescribeLogGroups", new { logGroupNamePrefix = "/b/" });
            Assert.Equal(new[] { "/b/one", "/b/two" }, prefixed["logGroups"]!.AsArray().Select(g => (string)g!["logGroupName"]!));
            JsonObject first = prefixed["logGroups"]![0]!.AsObject();
            Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/b/one:*", (string)first["arn"]!);
            Assert.Equal(LogsTestService.NowMs, (long)first["creationTime"]!);

            Assert.Equal("InvalidParameterException", _logs.Fails("DescribeLogGroups", new { limit = 51 }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("DescribeLogGroups", new { logGroupNamePrefix = "/a", logGroupNamePattern = "b" }).Code);

            _logs.Call("DeleteLogGroup", new { logGroupName = "/c" });
            Assert.Equal("ResourceNotFoundException", _logs.Fails("DeleteLogGroup", new { logGroupName = "/c" }).Code);
        }

        [Fact]
        public void PutLogEventsValidatesBatchesAndReportsRejectedEvents()
        {
            _logs.CreateStream("/g", "s");
            long now = LogsTestService.NowMs;
            Assert.Equal("ResourceNotFoundException", _logs.Fails("PutLogEvents", new { logGroupName = "/g", logStreamName = "nope", logEvents = new[] { new { timestamp = now, message = "x" } } }).Code);
            Assert.Equal("ResourceNotFoundException", _logs.Fails("PutLogEvents", new { logGroupName = "/nope", logStreamName = "s", logEvents = new[] { new { timestamp = now, message = "x" } } }).Code);

            var outOfOrder = _logs.Fails("PutLogEvents", new { logGroupName = "/g", logStreamName = "s", logEvents = new[] { new { timestamp = now, message = "b" }, new { timestamp = now - 1, message = "a" } } });
            Assert.Equal("InvalidParameterException", outOfOrder.Code);
            Assert.Contains("chronological", outOfOrder.Message);

            var tooMany = Enumerable.Range(0, 10_001).Select(i => new { timestamp = now, message = "m" }).ToArray();
            Assert.Equal("InvalidParameterException", _logs.Fails("PutLogEvents", new { logGroupName = "/g", logStreamName = "s", logEvents = tooMany }).Code);
            var tooBig = Enumerable.Range(0, 2).Select(i => new { timestamp = now, message = new string('x', 600_000) }).ToArray();
            Assert.Equal("InvalidParameterException", _logs.Fails("PutLogEvents", new { logGroupName = "/g", logStreamName = "s", logEvents = tooBig }).Code);
            var span = _logs.Fails("PutLogEvents", new { logGroupName = "/g", logStreamName = "s", logEvents = new[] { new { timestamp = now - 25 * 3_600_000L, message = "a" }, new { timestamp = now, message = "b" } } });
            Assert.Contains("24 hours", span.Message);

            JsonObject response = _logs.Call("PutLogEvents", new
            {
                logGroupName = "/g",
                logStreamName = "s",
                logEvents = new[]
                {
                    new { timestamp = now - 15L * 24 * 3_600_000, message = "too old" },
                    new { timestamp = now - 1000, message = "kept 1" },
                    new { timestamp = now, message = "kept 2" },
                    new { timestamp = now + 3 * 3_600_000L, message = "too new" },
                },
            });
            Assert.False(string.IsNullOrEmpty((string?)response["nextSequenceToken"]));
            Assert.Equal(0, (int)response["rejectedLogEventsInfo"]!["tooOldLogEventEndIndex"]!);
            Assert.Equal(3, (int)response["rejectedLogEventsInfo"]!["tooNewLogEventStartIndex"]!);

            JsonObject got = _logs.Call("GetLogEvents", new { logGroupName = "/g", logStreamName = "s", startFromHead = true });
            Assert.Equal(new[] { "kept 1", "kept 2" }, got["events"]!.AsArray().Select(e => (string)e!["message"]!));

            JsonObject clean = _logs.Call("PutLogEvents", new { logGroupName = "/g", logStreamName = "s", logEvents = new[] { new { timestamp = now, message = "x" } } });
            Assert.Null(clean["rejectedLogEventsInfo"]);
        }

        [Fact]
        public void DescribeLogStreamsOrdersPagesAndReportsEventTimes()
        {
            long now = LogsTestService.NowMs;
            _logs.CreateStream("/g", "b-stream");
            _logs.CreateStream("/g", "a-stream");
            _logs.CreateStream("/g", "c-stream");
            _logs.CreateStream("/g", "a-empty");
            _logs.Put("/g", "a-stream", (now - 5000, "one"), (now - 100, "two"));
            _logs.Put("/g", "b-stream", (now - 9000, "one"));
            _logs.Put("/g", "c-stream", (now - 1, "late"));
            Assert.Equal("ResourceAlreadyExistsException", _logs.Fails("CreateLogStream", new { logGroupName = "/g", logStreamName = "a-stream" }).Code);
            Assert.Equal("ResourceNotFoundException", _logs.Fails("CreateLogStream", new { logGroupName = "/none", logStreamName = "x" }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("CreateLogStream", new { logGroupName = "/g", logStreamName = "bad:name" }).Code);

            JsonObject byName = _logs.Call("DescribeLogStreams", new { logGroupName = "/g" });
            Assert.Equal(new[] { "a-empty", "a-stream", "b-stream", "c-stream" }, Names(byName));
            JsonObject a = byName["logStreams"]![1]!.AsObject();
            Assert.Equal(now - 5000, (long)a["firstEventTimestamp"]!);
            Assert.Equal(now - 100, (long)a["lastEventTimestamp"]!);
            Assert.Equal(now, (long)a["lastIngestionTime"]!);
            Assert.Equal(now, (long)a["creationTime"]!);
            Assert.Equal(0, (long)a["storedBytes"]!);
            Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/g:log-stream:a-stream", (string)a["arn"]!);
            Assert.Null(byName["logStreams"]![0]!["lastEventTimestamp"]);

            JsonObject prefixed = _logs.Call("DescribeLogStreams", new { logGroupName = "/g", logStreamNamePrefix = "a-", descending = true });
            Assert.Equal(new[] { "a-stream", "a-empty" }, Names(prefixed));

            JsonObject byTime = _logs.Call("DescribeLogStreams", new { logGroupName = "/g", orderBy = "LastEventTime", descending = true });
            Assert.Equal(new[] { "c-stream", "a-stream", "b-stream", "a-empty" }, Names(byTime));

            var paged = new List<string>();
            string? token = null;
            do
            {
                var request = new Dictionary<string, object> { ["logGroupIdentifier"] = "arn:aws:logs:us-east-1:123456789012:log-group:/g:*", ["orderBy"] = "LastEventTime", ["limit"] = 3 };
                if (token != null) request["nextToken"] = token;
                JsonObject page = _logs.Call("DescribeLogStreams", request);
                paged.AddRange(Names(page));
                token = (string?)page["nextToken"];
            } while (token != null);
            Assert.Equal(new[] { "a-empty", "b-stream", "a-stream", "c-stream" }, paged);

            Assert.Equal("InvalidParameterException", _logs.Fails("DescribeLogStreams", new { logGroupName = "/g", orderBy = "LastEventTime", logStreamNamePrefix = "a" }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("DescribeLogStreams", new { logGroupName = "/g", limit = 51 }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("DescribeLogStreams", new { logGroupName = "/g", nextToken = "garbage" }).Code);
            Assert.Equal("ResourceNotFoundException", _logs.Fails("DescribeLogStreams", new { logGroupName = "/missing" }).Code);
            Assert.Equal("InvalidParameterException", _logs.Fails("DescribeLogStreams", new { logGroupName = "/g", logGroupIdentifier = "/g" }).Code);
        }

        private static IEnumerable<string> Names(JsonObject page) => page["logStreams"]!.AsArray().Select(s => (string)s!["logStreamName"]!);
    }
}
