using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Aws.CloudWatch;
using SageMakerMonitoring.Core.Aws.CloudWatchLogs;
using SageMakerMonitoring.Core.Aws.EventBridge;
using SageMakerMonitoring.Core.Aws.SageMaker;
using SageMakerMonitoring.Core.Aws.Wire;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>The operation output readers on answers shaped like the services' (no wire needed for pure parsing).</summary>
    public sealed class WireOutputParsingTests
    {
        private static T Parse<T>(string json, JsonBodyReader<T> read)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            return read(ref reader);
        }

        [Fact]
        public void GetMetricData_page_reads_fractional_and_whole_epoch_seconds_nan_strings_messages_and_unknown_members()
        {
            const string json = "{\"MetricDataResults\":[{\"Id\":\"m1\",\"Label\":\"cpu\",\"Timestamps\":[1795883699.476,1795883640],"
                + "\"Values\":[1.5,\"NaN\"],\"StatusCode\":\"PartialData\",\"Messages\":[{\"Code\":\"MaxQueryTimeRangeExceed\",\"Value\":\"too long\"}],\"Future\":{\"x\":[1,2]}}],"
                + "\"NextToken\":\"tok\",\"Messages\":[{\"Code\":\"Warn\"}]}";
            MetricDataPage page = Parse<MetricDataPage>(json, CloudWatchClient.ReadMetricDataPage);
            MetricDataResult result = Assert.Single(page.Results);
            Assert.Equal("m1", result.Id);
            Assert.Equal("cpu", result.Label);
            Assert.Equal(new DateTime(2026, 11, 28, 16, 34, 59, 476, DateTimeKind.Utc), result.Timestamps[0]);
            Assert.Equal(new DateTime(2026, 11, 28, 16, 34, 0, DateTimeKind.Utc), result.Timestamps[1]);
            Assert.Equal(DateTimeKind.Utc, result.Timestamps[1].Kind);
            Assert.Equal(1.5, result.Values[0]);
            Assert.True(double.IsNaN(result.Values[1]));
            Assert.Equal("PartialData", result.StatusCode);
            Assert.Equal("MaxQueryTimeRangeExceed: too long", Assert.Single(result.Messages));
            Assert.Equal("tok", page.NextToken);
            Assert.Equal("Warn", Assert.Single(page.Messages));
        }

        [Fact]
        public void GetMetricData_full_page_of_100800_points_parses_to_exactly_the_points_sent()
        {
            var json = new StringBuilder("{\"MetricDataResults\":[");
            const int series = 4, points = 25200;
            const long start = 1795000000;
            for (int s = 0; s < series; s++)
            {
                if (s > 0) json.Append(',');
                json.Append("{\"Id\":\"m").Append(s).Append("\",\"Label\":\"l").Append(s).Append("\",\"Timestamps\":[");
                for (int i = 0; i < points; i++) { if (i > 0) json.Append(','); json.Append(start + i * 60); }
                json.Append("],\"Values\":[");
                for (int i = 0; i < points; i++) { if (i > 0) json.Append(','); json.Append(Value(s, i).ToString("R", CultureInfo.InvariantCulture)); }
                json.Append("],\"StatusCode\":\"Complete\"}");
            }
            json.Append("],\"Messages\":[]}");

            MetricDataPage page = Parse<MetricDataPage>(json.ToString(), CloudWatchClient.ReadMetricDataPage);

            Assert.Equal(series, page.Results.Count);
            Assert.Null(page.NextToken);
            Assert.Empty(page.Messages);
            for (int s = 0; s < series; s++)
            {
                MetricDataResult result = page.Results[s];
                Assert.Equal("m" + s, result.Id);
                Assert.Equal("l" + s, result.Label);
                Assert.Equal("Complete", result.StatusCode);
                Assert.Equal(points, result.Timestamps.Length);
                Assert.Equal(points, result.Values.Length);
                for (int i = 0; i < points; i++)
                {
                    if (result.Timestamps[i] != DateTimeOffset.FromUnixTimeSeconds(start + i * 60).UtcDateTime || result.Values[i] != Value(s, i))
                        Assert.Fail($"series {s}, point {i}: {result.Timestamps[i]:o} = {result.Values[i]:R}");
                }
                Assert.All(result.Timestamps, t => Assert.Equal(DateTimeKind.Utc, t.Kind));
            }

            static double Value(int s, int i) => s * 1000 + i * 0.37;
        }

        [Fact]
        public void FilterLogEvents_full_page_of_10000_events_parses_to_exactly_the_events_sent()
        {
            const int count = 10000;
            var json = new StringBuilder("{\"events\":[");
            for (int i = 0; i < count; i++)
            {
                if (i > 0) json.Append(',');
                json.Append("{\"logStreamName\":\"job/algo-").Append(Host(i)).Append("-1700000000\",\"timestamp\":").Append(1795000000000 + i)
                    .Append(",\"message\":\"[").Append(i).Append("] epoch 3 loss=0.123 \\\"q\\\" \\u00e9\\n\",\"ingestionTime\":").Append(1795000000500 + i)
                    .Append(",\"eventId\":\"3777").Append(i).Append("\"}");
            }
            json.Append("],\"searchedLogStreams\":[],\"nextToken\":\"n1\"}");

            byte[] body = Encoding.UTF8.GetBytes(json.ToString());
            var reader = new Utf8JsonReader(body);
            using FilterLogEventsPage page = CloudWatchLogsClient.ReadFilterLogEvents(ref reader, body);

            Assert.Equal(count, page.Events.Count);
            Assert.Equal("n1", page.NextToken);
            for (int i = 0; i < count; i++)
            {
                LogEventRecord e = page.Events[i];
                Assert.Equal("[" + i + "] epoch 3 loss=0.123 \"q\" \u00e9\n", e.Message);
                Assert.Equal("job/algo-" + Host(i) + "-1700000000", e.LogStreamName);
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000000 + i).UtcDateTime, e.Timestamp);
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000500 + i).UtcDateTime, e.IngestionTime);
                Assert.Equal("3777" + i, e.EventId);
            }
            // A run of events from one stream shares one name string.
            Assert.Same(page.Events[0].LogStreamName, page.Events[count / 2 - 1].LogStreamName);
            Assert.Same(page.Events[count / 2].LogStreamName, page.Events[count - 1].LogStreamName);

            static int Host(int i) => i < count / 2 ? 1 : 2;
        }

        [Fact]
        public void FilterLogEvents_events_read_one_at_a_time_match_the_document_and_the_rest_can_be_taken_at_once()
        {
            // nextToken before the events, an element that is not an object, and a member the reader does not know.
            const string json = "{\"nextToken\":\"t2\",\"events\":[{\"logStreamName\":\"s\",\"timestamp\":1,\"message\":\"a\",\"eventId\":\"1\"},"
                + "7,{\"timestamp\":2,\"message\":\"b\\u00e9\",\"future\":{\"x\":[1]},\"eventId\":\"2\"},{\"timestamp\":3,\"message\":\"c\",\"eventId\":\"3\"}]}";
            byte[] body = Encoding.UTF8.GetBytes(json);
            var reader = new Utf8JsonReader(body);
            using FilterLogEventsPage page = CloudWatchLogsClient.ReadFilterLogEvents(ref reader, body);
            // The bytes the page keeps are its own: the response buffer may be reused at once.
            Array.Clear(body, 0, body.Length);

            Assert.Equal("t2", page.NextToken);
            Assert.Equal(3, page.RemainingEvents);
            LogEventRecord first = page.ReadNext()!;
            Assert.Equal(("s", "a", "1"), (first.LogStreamName, first.Message, first.EventId));
            LogEventRecord second = page.ReadNext()!;
            Assert.Equal(("b\u00e9", "2", DateTimeOffset.FromUnixTimeMilliseconds(2).UtcDateTime), (second.Message, second.EventId, second.Timestamp));
            Assert.Equal(1, page.RemainingEvents);
            // Looking at the rest does not take it.
            Assert.Equal(new[] { "3" }, page.Events.Select(e => e.EventId));
            Assert.Equal(1, page.RemainingEvents);
            Assert.Equal("3", page.ReadNext()!.EventId);
            Assert.Null(page.ReadNext());
            Assert.Equal(0, page.RemainingEvents);
        }

        [Theory]
        [InlineData("{\"events\":[],\"nextToken\":\"t\"}", "t")]
        [InlineData("{\"events\":null}", null)]
        [InlineData("{}", null)]
        public void FilterLogEvents_pages_without_events_are_empty(string json, string? token)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);
            var reader = new Utf8JsonReader(body);
            using FilterLogEventsPage page = CloudWatchLogsClient.ReadFilterLogEvents(ref reader, body);
            Assert.Equal(0, page.RemainingEvents);
            Assert.Null(page.ReadNext());
            Assert.Empty(page.Events);
            Assert.Equal(token, page.NextToken);
        }

        [Fact]
        public void Logs_Insights_results_keep_row_field_order_and_statistics()
        {
            const string json = "{\"results\":[[{\"field\":\"@timestamp\",\"value\":\"2026-01-01 00:00:00.000\"},{\"field\":\"@message\",\"value\":\"hi\"}]],"
                + "\"statistics\":{\"recordsMatched\":1.0,\"recordsScanned\":10.0,\"bytesScanned\":512.0,\"logGroupsScanned\":1.0},\"status\":\"Complete\"}";
            QueryResultsPage page = Parse<QueryResultsPage>(json, CloudWatchLogsClient.ReadQueryResults);
            Assert.Equal("Complete", page.Status);
            Assert.Equal(new[] { "@timestamp", "@message" }, page.Results[0].Select(f => f.Key));
            Assert.Equal("hi", page.Results[0][1].Value);
            Assert.Equal(10.0, page.RecordsScanned);
            Assert.Equal(512.0, page.BytesScanned);
        }

        [Fact]
        public void SageMaker_job_readers_take_instance_counts_from_cluster_config_and_instance_groups()
        {
            const string processing = "{\"ProcessingJobName\":\"p\",\"ProcessingJobStatus\":\"InProgress\",\"ProcessingResources\":{\"ClusterConfig\":{\"InstanceCount\":3,\"InstanceType\":\"ml.c5.xlarge\",\"VolumeSizeInGB\":30}},"
                + "\"ProcessingStartTime\":1795000000.5,\"CreationTime\":1794999000}";
            SageMakerJobDescription job = Parse<SageMakerJobDescription>(processing, SageMakerClient.ReadProcessingJob);
            Assert.Equal(3, job.InstanceCount);
            Assert.Equal("ml.c5.xlarge", job.InstanceType);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000500).UtcDateTime, job.StartTime);
            Assert.False(job.IsTerminal);

            const string training = "{\"TrainingJobName\":\"t\",\"TrainingJobStatus\":\"Failed\",\"FailureReason\":\"OOM\",\"SecondaryStatus\":\"Failed\","
                + "\"ResourceConfig\":{\"InstanceGroups\":[{\"InstanceType\":\"ml.p4d.24xlarge\",\"InstanceCount\":2,\"InstanceGroupName\":\"gpu\"},{\"InstanceType\":\"ml.c5.xlarge\",\"InstanceCount\":1,\"InstanceGroupName\":\"cpu\"}],\"VolumeSizeInGB\":30}}";
            SageMakerJobDescription train = Parse<SageMakerJobDescription>(training, SageMakerClient.ReadTrainingJob);
            Assert.Equal(3, train.InstanceCount);
            Assert.Equal("ml.p4d.24xlarge", train.InstanceType);
            Assert.Equal("OOM", train.FailureReason);
            Assert.True(train.IsTerminal);
        }

        [Fact]
        public void EventBridge_TestEventPattern_result_is_read()
        {
            Assert.True(Parse<bool>("{\"Result\":true}", EventBridgeClient.ReadTestResult));
            Assert.False(Parse<bool>("{\"Result\":false}", EventBridgeClient.ReadTestResult));
        }

        [Theory]
        [InlineData("com.amazonaws.logs#ResourceNotFoundException", "ResourceNotFoundException")]
        [InlineData("ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/", "ThrottlingException")]
        [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/", "FooError")]
        [InlineData("ValidationException", "ValidationException")]
        public void Error_type_names_are_reduced_to_the_code(string type, string code)
        {
            Assert.Equal(code, JsonErrorReader.ShapeName(type));
        }

        [Fact]
        public void Input_timestamps_use_epoch_seconds_or_milliseconds_as_each_protocol_expects()
        {
            var time = new DateTime(2026, 11, 28, 10, 0, 0, 250, DateTimeKind.Utc);
            string json = Encoding.UTF8.GetString(JsonInput.Write(w =>
            {
                w.WriteEpochSeconds("s", time);
                w.WriteEpochSeconds("whole", time.AddMilliseconds(-250));
                w.WriteEpochMilliseconds("ms", time);
                w.WriteWholeEpochSeconds("q", time);
                w.WritePropertyName("nan");
                w.WriteDoubleValue(double.NaN);
            }));
            Assert.Equal("{\"s\":1795860000.25,\"whole\":1795860000,\"ms\":1795860000250,\"q\":1795860000,\"nan\":\"NaN\"}", json);
        }
    }
}
