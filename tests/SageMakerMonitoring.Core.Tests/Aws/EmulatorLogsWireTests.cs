using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>
    /// The CloudWatch Logs wire client against the project's emulator over HTTP, including what moto cannot show:
    /// logStreamNamePrefix, the filter-pattern syntax, empty pages that carry a token, and Logs Insights
    /// StartQuery/GetQueryResults/StopQuery.
    /// </summary>
    public sealed class EmulatorLogsWireTests : IClassFixture<EmulatorFixture>
    {
        private const string TrainingGroup = "/aws/sagemaker/TrainingJobs";
        private const string EndpointGroup = "/aws/sagemaker/Endpoints/demo-churn-endpoint";
        private const string TrainingJob = "demo-train-resnet50";
        private readonly EmulatorFixture _emulator;

        public EmulatorLogsWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static async Task<List<LogEventRecord>> FilterAll(ICloudWatchLogsClient client, FilterLogEventsRequest request, List<int>? pageSizes = null)
        {
            var events = new List<LogEventRecord>();
            for (int pages = 0; pages < 1000; pages++)
            {
                FilterLogEventsPage page = await client.FilterLogEventsAsync(request, CancellationToken.None);
                pageSizes?.Add(page.Events.Count);
                events.AddRange(page.Events);
                if (page.NextToken == null) return events;
                request.NextToken = page.NextToken;
            }
            throw new InvalidOperationException("FilterLogEvents did not finish within 1000 pages.");
        }

        [Fact]
        public async Task DescribeLogGroups_filters_by_prefix_and_pages()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchLogsClient client = factory.CreateCloudWatchLogs();

            var names = new List<string>();
            string? token = null;
            int pages = 0;
            do
            {
                LogGroupPage page = await client.DescribeLogGroupsAsync("/aws/sagemaker/", token, 2, CancellationToken.None);
                Assert.InRange(page.LogGroups.Count, 1, 2);
                foreach (LogGroupInfo group in page.LogGroups)
                {
                    names.Add(group.LogGroupName);
                    Assert.Equal("arn:aws:logs:us-east-1:" + group.Arn!.Split(':')[4] + ":log-group:" + group.LogGroupName + ":*", group.Arn);
                    Assert.NotNull(group.CreationTime);
                }
                token = page.NextToken;
                pages++;
            }
            while (token != null && pages < 10);
            Assert.Equal(3, pages);
            Assert.Equal(new[]
            {
                "/aws/sagemaker/Endpoints/demo-churn-endpoint", "/aws/sagemaker/NotebookInstances", "/aws/sagemaker/ProcessingJobs",
                "/aws/sagemaker/TrainingJobs", "/aws/sagemaker/TransformJobs",
            }, names);

            LogGroupPage endpoints = await client.DescribeLogGroupsAsync("/aws/sagemaker/Endpoints", null, null, CancellationToken.None);
            Assert.Equal(EndpointGroup, Assert.Single(endpoints.LogGroups).LogGroupName);
            LogGroupPage none = await client.DescribeLogGroupsAsync("/no/such/prefix", null, null, CancellationToken.None);
            Assert.Empty(none.LogGroups);
        }

        [Fact]
        public async Task DescribeLogStreams_honours_prefix_order_and_paging_and_names_unknown_groups()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchLogsClient client = factory.CreateCloudWatchLogs();
            long startSeconds = (long)(now.AddHours(-2) - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;

            LogStreamPage training = await client.DescribeLogStreamsAsync(new DescribeLogStreamsRequest
            {
                LogGroupName = TrainingGroup, LogStreamNamePrefix = TrainingJob + "/algo-",
            }, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 4).Select(n => $"{TrainingJob}/algo-{n}-{startSeconds}"), training.LogStreams.Select(s => s.LogStreamName));
            Assert.All(training.LogStreams, s =>
            {
                Assert.NotNull(s.FirstEventTimestamp);
                Assert.True(s.LastEventTimestamp > s.FirstEventTimestamp);
                Assert.EndsWith(":log-stream:" + s.LogStreamName, s.Arn);
            });

            LogStreamPage third = await client.DescribeLogStreamsAsync(new DescribeLogStreamsRequest
            {
                LogGroupName = TrainingGroup, LogStreamNamePrefix = TrainingJob + "/algo-3",
            }, CancellationToken.None);
            Assert.Equal($"{TrainingJob}/algo-3-{startSeconds}", Assert.Single(third.LogStreams).LogStreamName);

            var endpointStreams = new List<string>();
            string? token = null;
            do
            {
                LogStreamPage page = await client.DescribeLogStreamsAsync(new DescribeLogStreamsRequest
                {
                    LogGroupName = EndpointGroup, OrderByLastEventTime = true, Descending = true, Limit = 1, NextToken = token,
                }, CancellationToken.None);
                Assert.True(page.LogStreams.Count <= 1);
                endpointStreams.AddRange(page.LogStreams.Select(s => s.LogStreamName));
                token = page.NextToken;
            }
            while (token != null && endpointStreams.Count < 10);
            Assert.Equal(4, endpointStreams.Count);
            // The demo's fixed slow request is written last on the last stream, so newest-first starts there.
            Assert.Equal("Pipeline/i-0a1b2c3d4e5f60003/container-2", endpointStreams[0]);

            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeLogStreamsAsync(
                new DescribeLogStreamsRequest { LogGroupName = "/aws/sagemaker/NoSuchGroup" }, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", error.ErrorCode);
            Assert.Equal(400, error.StatusCode);
            Assert.Equal("CloudWatch Logs", error.Service);
        }

        [Fact]
        public async Task FilterLogEvents_applies_stream_prefix_and_filter_patterns()
        {
            await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchLogsClient client = factory.CreateCloudWatchLogs();

            // A term, restricted to one host's streams by prefix.
            List<LogEventRecord> errors = await FilterAll(client, new FilterLogEventsRequest
            {
                LogGroupName = TrainingGroup, LogStreamNamePrefix = TrainingJob + "/algo-3", FilterPattern = "ERROR",
            });
            LogEventRecord nccl = Assert.Single(errors);
            Assert.Equal("ERROR: NCCL timeout on rank 2, retrying collective", nccl.Message);
            Assert.StartsWith(TrainingJob + "/algo-3-", nccl.LogStreamName);
            Assert.False(string.IsNullOrEmpty(nccl.EventId));
            Assert.True(nccl.IngestionTime > nccl.Timestamp);
            Assert.Empty(await FilterAll(client, new FilterLogEventsRequest
            {
                LogGroupName = TrainingGroup, LogStreamNamePrefix = TrainingJob + "/algo-1", FilterPattern = "ERROR",
            }));

            // A quoted phrase across the whole group.
            List<LogEventRecord> phrase = await FilterAll(client, new FilterLogEventsRequest { LogGroupName = TrainingGroup, FilterPattern = "\"NCCL timeout\"" });
            Assert.Equal(nccl.Message, Assert.Single(phrase).Message);

            // ? alternatives.
            List<LogEventRecord> either = await FilterAll(client, new FilterLogEventsRequest { LogGroupName = TrainingGroup, FilterPattern = "?ERROR ?WARNING" });
            Assert.Contains(either, e => e.Message.StartsWith("WARNING: data loader", StringComparison.Ordinal));
            Assert.Contains(either, e => e.Message.StartsWith("ERROR:", StringComparison.Ordinal));
            Assert.All(either, e => Assert.True(e.Message.Contains("ERROR") || e.Message.Contains("WARNING"), e.Message));

            // - exclusions.
            List<LogEventRecord> ncclNotRetry = await FilterAll(client, new FilterLogEventsRequest { LogGroupName = TrainingGroup, FilterPattern = "NCCL -retry" });
            Assert.Equal(4, ncclNotRetry.Count); // the Bootstrap line of each host; the error and its recovery mention retry
            Assert.All(ncclNotRetry, e => Assert.StartsWith("NCCL INFO Bootstrap", e.Message));

            // JSON property patterns.
            List<LogEventRecord> slow = await FilterAll(client, new FilterLogEventsRequest
            {
                LogGroupName = EndpointGroup, FilterPattern = "{ $.status = 500 && $.latencyMs > 800 }",
            });
            Assert.True(slow.Count >= 4, "each endpoint stream holds the demo's fixed slow error line");
            Assert.All(slow, e =>
            {
                using JsonDocument doc = JsonDocument.Parse(e.Message);
                Assert.Equal(500, doc.RootElement.GetProperty("status").GetInt32());
                Assert.True(doc.RootElement.GetProperty("latencyMs").GetInt32() > 800);
            });
            Assert.Equal(slow.Count, slow.Select(e => e.EventId).Distinct().Count());

            // Explicit stream names.
            List<LogEventRecord> container = await FilterAll(client, new FilterLogEventsRequest
            {
                LogGroupName = EndpointGroup, LogStreamNames = new[] { "Pipeline/i-0a1b2c3d4e5f60003/container-1" }, FilterPattern = "\"Starting gunicorn\"",
            });
            Assert.Equal("Starting gunicorn 20.1.0", Assert.Single(container).Message);

            AwsServiceException missing = await Assert.ThrowsAsync<AwsServiceException>(() => client.FilterLogEventsAsync(
                new FilterLogEventsRequest { LogGroupName = "/aws/sagemaker/NoSuchGroup" }, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
        }

        [Fact]
        public async Task FilterLogEvents_pages_by_limit_and_scan_budget_with_empty_pages_that_carry_a_token()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchLogsClient client = factory.CreateCloudWatchLogs();

            List<LogEventRecord> whole = await FilterAll(client, new FilterLogEventsRequest { LogGroupName = TrainingGroup, StartTime = now.AddHours(-3), EndTime = now });
            Assert.True(whole.Count > 500);
            var sizes = new List<int>();
            List<LogEventRecord> paged = await FilterAll(client, new FilterLogEventsRequest { LogGroupName = TrainingGroup, StartTime = now.AddHours(-3), EndTime = now, Limit = 50 }, sizes);
            Assert.Equal(whole.Select(e => e.EventId), paged.Select(e => e.EventId));
            Assert.All(sizes, n => Assert.InRange(n, 0, 50));
            Assert.Equal((whole.Count + 49) / 50, sizes.Count(n => n > 0));
            for (int i = 1; i < whole.Count; i++) Assert.True(whole[i].Timestamp >= whole[i - 1].Timestamp, "events in time order");

            // A scan budget smaller than the group: a rare match arrives after empty pages that still carry a token.
            await _emulator.PostControlAsync("logs/config", JsonNode.Parse("{\"scanBudget\":100}"));
            sizes.Clear();
            List<LogEventRecord> rare = await FilterAll(client, new FilterLogEventsRequest { LogGroupName = TrainingGroup, FilterPattern = "\"NCCL timeout\"" }, sizes);
            Assert.Single(rare);
            Assert.True(sizes.Count(n => n == 0) >= 2, "empty pages with a token: " + string.Join(",", sizes));
        }

        [Fact]
        public async Task GetLogEvents_reads_from_the_head_and_the_tail_and_follows_forward_tokens_to_the_end()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchLogsClient client = factory.CreateCloudWatchLogs();
            LogStreamPage streams = await client.DescribeLogStreamsAsync(new DescribeLogStreamsRequest
            {
                LogGroupName = "/aws/sagemaker/NotebookInstances", LogStreamNamePrefix = "demo-notebook/Lifecycle",
            }, CancellationToken.None);
            string stream = Assert.Single(streams.LogStreams).LogStreamName;
            Assert.Equal("demo-notebook/LifecycleConfigOnStart", stream);

            GetLogEventsPage head = await client.GetLogEventsAsync(new GetLogEventsRequest
            {
                LogGroupName = "/aws/sagemaker/NotebookInstances", LogStreamName = stream, Limit = 2, StartFromHead = true,
            }, CancellationToken.None);
            Assert.Equal(new[] { "+ set -e", "+ sudo -u ec2-user -i bash -c 'source activate python3; pip install --upgrade torch==9.9.9'" },
                head.Events.Select(e => e.Message));
            Assert.NotNull(head.NextForwardToken);
            Assert.NotNull(head.NextBackwardToken);

            var all = new List<string>(head.Events.Select(e => e.Message));
            string? token = head.NextForwardToken;
            for (int i = 0; i < 20; i++)
            {
                GetLogEventsPage page = await client.GetLogEventsAsync(new GetLogEventsRequest
                {
                    LogGroupName = "/aws/sagemaker/NotebookInstances", LogStreamName = stream, Limit = 2, NextToken = token,
                }, CancellationToken.None);
                all.AddRange(page.Events.Select(e => e.Message));
                if (page.NextForwardToken == token) break; // the end: the same forward token comes back
                token = page.NextForwardToken;
            }
            Assert.Equal(5, all.Count);
            Assert.Equal("ERROR: No matching distribution found for torch==9.9.9", all[4]);

            GetLogEventsPage tail = await client.GetLogEventsAsync(new GetLogEventsRequest
            {
                LogGroupName = TrainingGroup,
                LogStreamName = (await client.DescribeLogStreamsAsync(new DescribeLogStreamsRequest { LogGroupName = TrainingGroup, LogStreamNamePrefix = TrainingJob + "/algo-3" }, CancellationToken.None)).LogStreams[0].LogStreamName,
                StartTime = now.AddMinutes(-46),
                EndTime = now.AddMinutes(-44),
                StartFromHead = false,
                Limit = 3,
            }, CancellationToken.None);
            Assert.Contains(tail.Events, e => e.Message == "ERROR: NCCL timeout on rank 2, retrying collective");
            Assert.All(tail.Events, e => Assert.InRange(e.Timestamp, now.AddMinutes(-46), now.AddMinutes(-44)));

            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetLogEventsAsync(new GetLogEventsRequest
            {
                LogGroupName = TrainingGroup, LogStreamName = "no-such-stream",
            }, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        }

        private static async Task<QueryResultsPage> WaitForQuery(ICloudWatchLogsClient client, string queryId, List<string> statuses)
        {
            for (int i = 0; i < 200; i++)
            {
                QueryResultsPage page = await client.GetQueryResultsAsync(queryId, null, null, CancellationToken.None);
                statuses.Add(page.Status);
                if (page.Status != "Scheduled" && page.Status != "Running") return page;
                await Task.Delay(50);
            }
            throw new TimeoutException("the query did not finish");
        }

        [Fact]
        public async Task Insights_queries_run_to_Complete_with_rows_and_statistics()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchLogsClient client = factory.CreateCloudWatchLogs();

            string queryId = await client.StartQueryAsync(new StartQueryRequest
            {
                LogGroupNames = new[] { TrainingGroup },
                StartTime = now.AddHours(-3),
                EndTime = now,
                QueryString = "fields @timestamp, @message, @logStream | filter @message like /Epoch/ | sort @timestamp desc | limit 5",
            }, CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(queryId));
            var statuses = new List<string>();
            QueryResultsPage result = await WaitForQuery(client, queryId, statuses);
            Assert.Equal("Complete", result.Status);
            Assert.Contains(statuses.Take(statuses.Count - 1), s => s == "Scheduled" || s == "Running");
            Assert.Equal(5, result.Results.Count);
            Assert.Equal(80, result.RecordsMatched); // 20 epochs on 4 hosts
            Assert.True(result.RecordsScanned > result.RecordsMatched);
            Assert.True(result.BytesScanned > 0);
            var timestamps = new List<string>();
            foreach (IReadOnlyList<KeyValuePair<string, string>> row in result.Results)
            {
                Dictionary<string, string> fields = row.ToDictionary(f => f.Key, f => f.Value);
                Assert.Contains("Epoch", fields["@message"]);
                Assert.StartsWith(TrainingJob + "/algo-", fields["@logStream"]);
                timestamps.Add(fields["@timestamp"]);
            }
            Assert.Equal(timestamps.OrderByDescending(t => t, StringComparer.Ordinal), timestamps);

            string statsId = await client.StartQueryAsync(new StartQueryRequest
            {
                LogGroupNames = new[] { TrainingGroup },
                StartTime = now.AddHours(-3),
                EndTime = now,
                QueryString = "filter @message like /WARNING/ | stats count(*) as warnings by @logStream | sort @logStream",
            }, CancellationToken.None);
            QueryResultsPage stats = await WaitForQuery(client, statsId, new List<string>());
            Assert.Equal("Complete", stats.Status);
            Assert.Equal(4, stats.Results.Count);
            Assert.All(stats.Results, row => Assert.True(int.Parse(row.Single(f => f.Key == "warnings").Value) > 0));

            AwsServiceException malformed = await Assert.ThrowsAsync<AwsServiceException>(() => client.StartQueryAsync(new StartQueryRequest
            {
                LogGroupNames = new[] { TrainingGroup }, StartTime = now.AddHours(-1), EndTime = now, QueryString = "fields @message | | limit",
            }, CancellationToken.None));
            Assert.Equal("MalformedQueryException", malformed.ErrorCode);
            AwsServiceException missing = await Assert.ThrowsAsync<AwsServiceException>(() => client.StartQueryAsync(new StartQueryRequest
            {
                LogGroupNames = new[] { "/aws/sagemaker/NoSuchGroup" }, StartTime = now.AddHours(-1), EndTime = now, QueryString = "fields @message",
            }, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
        }

        [Fact]
        public async Task StopQuery_cancels_a_running_query_and_the_concurrency_limit_answers_LimitExceeded()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            await _emulator.PostControlAsync("logs/config", JsonNode.Parse("{\"maxConcurrentQueries\":1,\"queryRunMilliseconds\":60000}"));
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            ICloudWatchLogsClient client = factory.CreateCloudWatchLogs();
            var request = new StartQueryRequest
            {
                LogGroupNames = new[] { TrainingGroup }, StartTime = now.AddHours(-1), EndTime = now, QueryString = "fields @message | limit 10",
            };

            string running = await client.StartQueryAsync(request, CancellationToken.None);
            QueryResultsPage before = await client.GetQueryResultsAsync(running, null, null, CancellationToken.None);
            Assert.Contains(before.Status, new[] { "Scheduled", "Running" });

            AwsServiceException limit = await Assert.ThrowsAsync<AwsServiceException>(() => client.StartQueryAsync(request, CancellationToken.None));
            Assert.Equal("LimitExceededException", limit.ErrorCode);

            Assert.True(await client.StopQueryAsync(running, CancellationToken.None));
            QueryResultsPage after = await client.GetQueryResultsAsync(running, null, null, CancellationToken.None);
            Assert.Equal("Cancelled", after.Status);

            // The slot is free again; an unknown query id is the service's ResourceNotFoundException.
            string next = await client.StartQueryAsync(request, CancellationToken.None);
            Assert.NotEqual(running, next);
            Assert.True(await client.StopQueryAsync(next, CancellationToken.None));
            AwsServiceException unknown = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.GetQueryResultsAsync("00000000-0000-0000-0000-000000000000", null, null, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", unknown.ErrorCode);
        }
    }
}
