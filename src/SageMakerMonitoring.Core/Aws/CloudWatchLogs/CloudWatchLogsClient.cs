using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.CloudWatchLogs
{
    /// <summary>CloudWatch Logs over awsJson 1.1 (Logs_20140328). Timestamps are epoch milliseconds, except
    /// Logs Insights StartQuery which takes epoch seconds.</summary>
    internal sealed class CloudWatchLogsClient : JsonServiceClient, ICloudWatchLogsClient
    {
        private static readonly JsonOperationUnmarshaller<LogGroupPage> DescribeLogGroupsOutput =
            new JsonOperationUnmarshaller<LogGroupPage>(ServiceDescriptor.CloudWatchLogs, ReadLogGroups);
        private static readonly JsonOperationUnmarshaller<LogStreamPage> DescribeLogStreamsOutput =
            new JsonOperationUnmarshaller<LogStreamPage>(ServiceDescriptor.CloudWatchLogs, ReadLogStreams);
        private static readonly JsonOperationUnmarshaller<FilterLogEventsPage> FilterLogEventsOutput =
            new JsonOperationUnmarshaller<FilterLogEventsPage>(ServiceDescriptor.CloudWatchLogs, ReadFilterLogEvents);
        private static readonly JsonOperationUnmarshaller<GetLogEventsPage> GetLogEventsOutput =
            new JsonOperationUnmarshaller<GetLogEventsPage>(ServiceDescriptor.CloudWatchLogs, ReadGetLogEvents);
        private static readonly JsonOperationUnmarshaller<string> StartQueryOutput =
            new JsonOperationUnmarshaller<string>(ServiceDescriptor.CloudWatchLogs, ReadQueryId);
        private static readonly JsonOperationUnmarshaller<QueryResultsPage> GetQueryResultsOutput =
            new JsonOperationUnmarshaller<QueryResultsPage>(ServiceDescriptor.CloudWatchLogs, ReadQueryResults);
        private static readonly JsonOperationUnmarshaller<bool> StopQueryOutput =
            new JsonOperationUnmarshaller<bool>(ServiceDescriptor.CloudWatchLogs, ReadStopQuery);

        /// <summary>LimitExceededException: on StartQuery the concurrent Logs Insights query limit, which the query runner
        /// waits out with back-off and progress; on other operations a hard quota that retrying cannot fix.</summary>
        protected override IReadOnlyCollection<string> CodesHandledAboveTheWire { get; } = new[] { "LimitExceededException" };

        public CloudWatchLogsClient(AWSCredentials? credentials, CloudWatchLogsConfig config, string region, Action<AwsCallRecord>? callLogger)
            : base(credentials, config, region, callLogger)
        {
        }

        public Task<LogGroupPage> DescribeLogGroupsAsync(string? logGroupNamePrefix, string? nextToken, int? limit, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeLogGroups", writer =>
            {
                writer.WriteStringIfSet("logGroupNamePrefix", logGroupNamePrefix);
                writer.WriteStringIfSet("nextToken", nextToken);
                writer.WriteNumberIfSet("limit", limit);
            }, DescribeLogGroupsOutput, cancellationToken);
        }

        public Task<LogStreamPage> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return InvokeJsonAsync("DescribeLogStreams", writer =>
            {
                writer.WriteString("logGroupName", request.LogGroupName);
                writer.WriteStringIfSet("logStreamNamePrefix", request.LogStreamNamePrefix);
                writer.WriteString("orderBy", request.OrderByLastEventTime ? "LastEventTime" : "LogStreamName");
                if (request.Descending)
                {
                    writer.WriteBoolean("descending", true);
                }
                writer.WriteStringIfSet("nextToken", request.NextToken);
                writer.WriteNumberIfSet("limit", request.Limit);
            }, DescribeLogStreamsOutput, cancellationToken);
        }

        public Task<FilterLogEventsPage> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return InvokeJsonAsync("FilterLogEvents", writer =>
            {
                writer.WriteString("logGroupName", request.LogGroupName);
                if (request.LogStreamNames.Count > 0)
                {
                    writer.WriteStringArray("logStreamNames", request.LogStreamNames);
                }
                writer.WriteStringIfSet("logStreamNamePrefix", request.LogStreamNamePrefix);
                if (request.StartTime.HasValue) writer.WriteEpochMilliseconds("startTime", request.StartTime.Value);
                if (request.EndTime.HasValue) writer.WriteEpochMilliseconds("endTime", request.EndTime.Value);
                writer.WriteStringIfSet("filterPattern", request.FilterPattern);
                writer.WriteStringIfSet("nextToken", request.NextToken);
                writer.WriteNumberIfSet("limit", request.Limit);
            }, FilterLogEventsOutput, cancellationToken);
        }

        public Task<GetLogEventsPage> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return InvokeJsonAsync("GetLogEvents", writer =>
            {
                writer.WriteString("logGroupName", request.LogGroupName);
                writer.WriteString("logStreamName", request.LogStreamName);
                if (request.StartTime.HasValue) writer.WriteEpochMilliseconds("startTime", request.StartTime.Value);
                if (request.EndTime.HasValue) writer.WriteEpochMilliseconds("endTime", request.EndTime.Value);
                writer.WriteStringIfSet("nextToken", request.NextToken);
                writer.WriteNumberIfSet("limit", request.Limit);
                writer.WriteBoolean("startFromHead", request.StartFromHead);
            }, GetLogEventsOutput, cancellationToken);
        }

        public Task<string> StartQueryAsync(StartQueryRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return InvokeJsonAsync("StartQuery", writer =>
            {
                writer.WriteStringArray("logGroupNames", request.LogGroupNames);
                writer.WriteWholeEpochSeconds("startTime", request.StartTime);
                writer.WriteWholeEpochSeconds("endTime", request.EndTime);
                writer.WriteString("queryString", request.QueryString);
                writer.WriteNumberIfSet("limit", request.Limit);
            }, StartQueryOutput, cancellationToken);
        }

        public Task<QueryResultsPage> GetQueryResultsAsync(string queryId, string? nextToken, int? maxItems, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("GetQueryResults", writer =>
            {
                writer.WriteString("queryId", queryId);
                writer.WriteStringIfSet("nextToken", nextToken);
                writer.WriteNumberIfSet("maxItems", maxItems);
            }, GetQueryResultsOutput, cancellationToken);
        }

        public Task<bool> StopQueryAsync(string queryId, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("StopQuery", writer => writer.WriteString("queryId", queryId), StopQueryOutput, cancellationToken);
        }

        internal static LogGroupPage ReadLogGroups(ref Utf8JsonReader reader)
        {
            var items = JsonOutput.ListPage(ref reader, "logGroups", "nextToken", ReadLogGroup, out var nextToken);
            return new LogGroupPage { LogGroups = items, NextToken = nextToken };
        }

        private static LogGroupInfo ReadLogGroup(ref Utf8JsonReader reader)
        {
            string name = "";
            string? arn = null;
            DateTime? created = null;
            long? storedBytes = null;
            int? retention = null;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("logGroupName")) { reader.Read(); name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("arn")) { reader.Read(); arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("creationTime")) { reader.Read(); created = JsonOutput.NullableEpochMilliseconds(ref reader); }
                else if (reader.ValueTextEquals("storedBytes")) { reader.Read(); storedBytes = JsonOutput.NullableInt64(ref reader); }
                else if (reader.ValueTextEquals("retentionInDays")) { reader.Read(); retention = JsonOutput.NullableInt32(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return new LogGroupInfo(name, arn, created, storedBytes, retention);
        }

        internal static LogStreamPage ReadLogStreams(ref Utf8JsonReader reader)
        {
            var items = JsonOutput.ListPage(ref reader, "logStreams", "nextToken", ReadLogStream, out var nextToken);
            return new LogStreamPage { LogStreams = items, NextToken = nextToken };
        }

        private static LogStreamInfo ReadLogStream(ref Utf8JsonReader reader)
        {
            string name = "";
            string? arn = null;
            DateTime? created = null, first = null, last = null, ingested = null;
            long storedBytes = 0;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("logStreamName")) { reader.Read(); name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("arn")) { reader.Read(); arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("creationTime")) { reader.Read(); created = JsonOutput.NullableEpochMilliseconds(ref reader); }
                else if (reader.ValueTextEquals("firstEventTimestamp")) { reader.Read(); first = JsonOutput.NullableEpochMilliseconds(ref reader); }
                else if (reader.ValueTextEquals("lastEventTimestamp")) { reader.Read(); last = JsonOutput.NullableEpochMilliseconds(ref reader); }
                else if (reader.ValueTextEquals("lastIngestionTime")) { reader.Read(); ingested = JsonOutput.NullableEpochMilliseconds(ref reader); }
                else if (reader.ValueTextEquals("storedBytes")) { reader.Read(); storedBytes = JsonOutput.NullableInt64(ref reader) ?? 0; }
                else { reader.Read(); reader.Skip(); }
            }
            return new LogStreamInfo(name, created, first, last, ingested, storedBytes, arn);
        }

        internal static FilterLogEventsPage ReadFilterLogEvents(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
        {
            LogEventsBuffer? events = null;
            string? nextToken = null;
            try
            {
                if (JsonOutput.StartObject(ref reader))
                {
                    while (JsonOutput.NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("events"))
                        {
                            reader.Read();
                            if (JsonOutput.IsArray(ref reader))
                            {
                                events?.Dispose();
                                events = LogEventsBuffer.Capture(ref reader, body);
                            }
                        }
                        else if (reader.ValueTextEquals("nextToken"))
                        {
                            reader.Read();
                            nextToken = JsonOutput.String(ref reader);
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }
                }
            }
            catch
            {
                events?.Dispose();
                throw;
            }
            return new FilterLogEventsPage(events) { NextToken = nextToken };
        }

        internal static GetLogEventsPage ReadGetLogEvents(ref Utf8JsonReader reader)
        {
            var page = new GetLogEventsPage();
            if (!JsonOutput.StartObject(ref reader)) return page;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("events"))
                {
                    reader.Read();
                    page.Events = ReadEvents(ref reader);
                }
                else if (reader.ValueTextEquals("nextForwardToken"))
                {
                    reader.Read();
                    page.NextForwardToken = JsonOutput.String(ref reader);
                }
                else if (reader.ValueTextEquals("nextBackwardToken"))
                {
                    reader.Read();
                    page.NextBackwardToken = JsonOutput.String(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return page;
        }

        private static List<LogEventRecord> ReadEvents(ref Utf8JsonReader reader)
        {
            string? lastStream = null;
            return JsonOutput.ObjectList(ref reader, (ref Utf8JsonReader r) => LogEventsBuffer.ReadRecord(ref r, ref lastStream));
        }

        internal static string ReadQueryId(ref Utf8JsonReader reader)
        {
            string? queryId = null;
            if (JsonOutput.StartObject(ref reader))
            {
                while (JsonOutput.NextProperty(ref reader))
                {
                    bool isId = reader.ValueTextEquals("queryId");
                    reader.Read();
                    if (isId) queryId = JsonOutput.String(ref reader);
                    else reader.Skip();
                }
            }
            return queryId ?? throw new JsonException("StartQuery answered without a queryId.");
        }

        internal static QueryResultsPage ReadQueryResults(ref Utf8JsonReader reader)
        {
            var page = new QueryResultsPage();
            if (!JsonOutput.StartObject(ref reader)) return page;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("status"))
                {
                    reader.Read();
                    page.Status = JsonOutput.String(ref reader) ?? "Unknown";
                }
                else if (reader.ValueTextEquals("nextToken"))
                {
                    reader.Read();
                    page.NextToken = JsonOutput.String(ref reader);
                }
                else if (reader.ValueTextEquals("statistics"))
                {
                    reader.Read();
                    if (!JsonOutput.IsObject(ref reader)) continue;
                    while (JsonOutput.NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("recordsMatched")) { reader.Read(); page.RecordsMatched = JsonOutput.Double(ref reader); }
                        else if (reader.ValueTextEquals("recordsScanned")) { reader.Read(); page.RecordsScanned = JsonOutput.Double(ref reader); }
                        else if (reader.ValueTextEquals("bytesScanned")) { reader.Read(); page.BytesScanned = JsonOutput.Double(ref reader); }
                        else { reader.Read(); reader.Skip(); }
                    }
                }
                else if (reader.ValueTextEquals("results"))
                {
                    reader.Read();
                    var rows = new List<IReadOnlyList<KeyValuePair<string, string>>>();
                    if (JsonOutput.IsArray(ref reader))
                    {
                        while (JsonOutput.NextElement(ref reader))
                        {
                            if (!JsonOutput.IsArray(ref reader)) continue;
                            rows.Add(JsonOutput.ObjectList(ref reader, ReadResultField));
                        }
                    }
                    page.Results = rows;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return page;
        }

        private static KeyValuePair<string, string> ReadResultField(ref Utf8JsonReader reader) => JsonOutput.StringPair(ref reader, "field", "value");

        internal static bool ReadStopQuery(ref Utf8JsonReader reader)
        {
            bool success = false;
            if (JsonOutput.StartObject(ref reader))
            {
                while (JsonOutput.NextProperty(ref reader))
                {
                    bool isSuccess = reader.ValueTextEquals("success");
                    reader.Read();
                    if (isSuccess) success = JsonOutput.Boolean(ref reader);
                    else reader.Skip();
                }
            }
            return success;
        }
    }
}
