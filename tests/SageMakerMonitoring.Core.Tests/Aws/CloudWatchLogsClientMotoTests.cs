using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public sealed class CloudWatchLogsClientMotoTests : IClassFixture<MotoServer>
    {
        private readonly MotoServer _moto;

        public CloudWatchLogsClientMotoTests(MotoServer moto)
        {
            _moto = moto;
        }

        private async Task<(string Group, DateTime T0)> CreateGroupWithEvents(string stream, int count)
        {
            string group = "/aws/sagemaker/TrainingJobs-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            DateTime t0 = DateTime.UtcNow.AddMinutes(-30);
            t0 = new DateTime(t0.Ticks - t0.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            await AwsCliProcess.RunAsync(_moto.Url, "logs", "create-log-group", "--log-group-name", group);
            await AwsCliProcess.RunAsync(_moto.Url, "logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", stream);
            var events = Enumerable.Range(0, count).Select(i => new
            {
                timestamp = new DateTimeOffset(t0.AddSeconds(i)).ToUnixTimeMilliseconds(),
                message = "line " + i + (i % 2 == 0 ? " ERROR \"quoted\" \u00e9" : " ok"),
            });
            await AwsCliProcess.RunAsync(_moto.Url, "logs", "put-log-events", "--log-group-name", group, "--log-stream-name", stream,
                "--log-events", JsonSerializer.Serialize(events));
            return (group, t0);
        }

        [MotoFact]
        public async Task DescribeLogGroups_and_DescribeLogStreams_report_names_times_and_sizes()
        {
            (string group, DateTime t0) = await CreateGroupWithEvents("job-1/algo-1-1700000000", 3);
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            ICloudWatchLogsClient logs = factory.CreateCloudWatchLogs();

            LogGroupPage groups = await logs.DescribeLogGroupsAsync(group, null, 50, CancellationToken.None);
            LogGroupInfo info = Assert.Single(groups.LogGroups);
            Assert.Equal(group, info.LogGroupName);
            Assert.NotNull(info.CreationTime);
            Assert.Equal(DateTimeKind.Utc, info.CreationTime!.Value.Kind);
            Assert.InRange(info.CreationTime.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));

            LogStreamPage streams = await logs.DescribeLogStreamsAsync(new DescribeLogStreamsRequest { LogGroupName = group, OrderByLastEventTime = true, Descending = true }, CancellationToken.None);
            LogStreamInfo stream = Assert.Single(streams.LogStreams);
            Assert.Equal("job-1/algo-1-1700000000", stream.LogStreamName);
            Assert.Equal(t0, stream.FirstEventTimestamp);
            Assert.Equal(t0.AddSeconds(2), stream.LastEventTimestamp);
        }

        [MotoFact]
        public async Task FilterLogEvents_and_GetLogEvents_return_events_with_millisecond_times_and_page_tokens()
        {
            (string group, DateTime t0) = await CreateGroupWithEvents("job-2/algo-1", 25);
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            ICloudWatchLogsClient logs = factory.CreateCloudWatchLogs();

            var all = new List<LogEventRecord>();
            string? token = null;
            int pages = 0;
            do
            {
                FilterLogEventsPage page = await logs.FilterLogEventsAsync(new FilterLogEventsRequest
                {
                    LogGroupName = group,
                    LogStreamNames = new[] { "job-2/algo-1" },
                    StartTime = t0,
                    EndTime = t0.AddMinutes(5),
                    NextToken = token,
                    Limit = 10,
                }, CancellationToken.None);
                all.AddRange(page.Events);
                token = page.NextToken;
                pages++;
            }
            while (token != null && pages < 10);
            Assert.Equal(25, all.Count);
            Assert.True(pages >= 3);
            Assert.Equal("line 0 ERROR \"quoted\" \u00e9", all[0].Message);
            Assert.Equal(t0, all[0].Timestamp);
            Assert.Equal(t0.AddSeconds(24), all[24].Timestamp);
            Assert.All(all, e => Assert.Equal("job-2/algo-1", e.LogStreamName));
            Assert.All(all, e => Assert.False(string.IsNullOrEmpty(e.EventId)));

            GetLogEventsPage head = await logs.GetLogEventsAsync(new GetLogEventsRequest { LogGroupName = group, LogStreamName = "job-2/algo-1", StartFromHead = true, Limit = 5 }, CancellationToken.None);
            Assert.Equal(5, head.Events.Count);
            Assert.Equal("line 0 ERROR \"quoted\" \u00e9", head.Events[0].Message);
            Assert.NotNull(head.NextForwardToken);
            GetLogEventsPage next = await logs.GetLogEventsAsync(new GetLogEventsRequest { LogGroupName = group, LogStreamName = "job-2/algo-1", NextToken = head.NextForwardToken, Limit = 5 }, CancellationToken.None);
            Assert.Equal("line 5 ok", next.Events[0].Message);
        }

        [MotoFact]
        public async Task StartQuery_and_GetQueryResults_round_trip()
        {
            (string group, DateTime t0) = await CreateGroupWithEvents("job-3/algo-1", 4);
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            ICloudWatchLogsClient logs = factory.CreateCloudWatchLogs();
            string queryId = await logs.StartQueryAsync(new StartQueryRequest
            {
                LogGroupNames = new[] { group },
                StartTime = t0.AddMinutes(-1),
                EndTime = t0.AddMinutes(5),
                QueryString = "fields @timestamp, @message | sort @timestamp asc | limit 10",
                Limit = 10,
            }, CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(queryId));
            QueryResultsPage results = await logs.GetQueryResultsAsync(queryId, null, null, CancellationToken.None);
            Assert.Contains(results.Status, new[] { "Scheduled", "Running", "Complete" });
            if (results.Status == "Complete")
            {
                Assert.NotEmpty(results.Results);
                Assert.Contains(results.Results[0], f => f.Key == "@message");
            }
        }

        [MotoFact]
        public async Task Unknown_log_group_raises_AwsServiceException_with_the_service_error_code()
        {
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                factory.CreateCloudWatchLogs().DescribeLogStreamsAsync(new DescribeLogStreamsRequest { LogGroupName = "/does/not/exist" }, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", error.ErrorCode);
            Assert.Equal("CloudWatch Logs", error.Service);
            Assert.Equal("DescribeLogStreams", error.Operation);
            Assert.Equal(400, error.StatusCode);
            Assert.False(string.IsNullOrEmpty(error.Message));
        }
    }
}
