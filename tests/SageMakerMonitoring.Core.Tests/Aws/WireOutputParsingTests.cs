using System;
using System.Diagnostics;
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
        public void GetMetricData_page_of_100800_points_parses_well_above_300000_points_per_second()
        {
            var json = new StringBuilder("{\"MetricDataResults\":[");
            const int series = 4, points = 25200;
            long start = 1795000000;
            for (int s = 0; s < series; s++)
            {
                if (s > 0) json.Append(',');
                json.Append("{\"Id\":\"m").Append(s).Append("\",\"Label\":\"l\",\"Timestamps\":[");
                for (int i = 0; i < points; i++) { if (i > 0) json.Append(','); json.Append(start + i * 60); }
                json.Append("],\"Values\":[");
                for (int i = 0; i < points; i++) { if (i > 0) json.Append(','); json.Append((i * 0.37).ToString("R", CultureInfo.InvariantCulture)); }
                json.Append("],\"StatusCode\":\"Complete\"}");
            }
            json.Append("],\"Messages\":[]}");
            byte[] body = Encoding.UTF8.GetBytes(json.ToString());

            // Best of several rounds after a warm-up: the machine may be shared, the parser's own cost is what matters.
            TimeSpan best = TimeSpan.MaxValue;
            for (int r = 0; r < 6; r++)
            {
                Stopwatch watch = Stopwatch.StartNew();
                var reader = new Utf8JsonReader(body);
                MetricDataPage page = CloudWatchClient.ReadMetricDataPage(ref reader);
                watch.Stop();
                Assert.Equal(series * points, page.Results.Sum(x => x.Values.Length));
                Assert.Equal(points, page.Results[3].Timestamps.Length);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(start + 60).UtcDateTime, page.Results[0].Timestamps[1]);
                if (r > 0 && watch.Elapsed < best) best = watch.Elapsed;
            }
            double perSecond = series * points / best.TotalSeconds;
            TimeSpan tokens = BareTokenPass(body);
            Assert.True(perSecond > 300_000 || best.TotalMilliseconds < tokens.TotalMilliseconds * 8,
                "parsed only " + perSecond.ToString("N0") + " datapoints/s (" + best.TotalMilliseconds + " ms; a bare token pass takes " + tokens.TotalMilliseconds + " ms)");
        }

        [Fact]
        public void FilterLogEvents_page_of_10000_events_parses_well_above_150000_events_per_second()
        {
            var json = new StringBuilder("{\"events\":[");
            for (int i = 0; i < 10000; i++)
            {
                if (i > 0) json.Append(',');
                json.Append("{\"logStreamName\":\"job/algo-1-1700000000\",\"timestamp\":").Append(1795000000000 + i)
                    .Append(",\"message\":\"[").Append(i).Append("] epoch 3 loss=0.123 \\\"q\\\" \\u00e9\\n\",\"ingestionTime\":").Append(1795000000500 + i)
                    .Append(",\"eventId\":\"3777").Append(i).Append("\"}");
            }
            json.Append("],\"searchedLogStreams\":[],\"nextToken\":\"n1\"}");
            byte[] body = Encoding.UTF8.GetBytes(json.ToString());
            FilterLogEventsPage page = null!;
            TimeSpan best = TimeSpan.MaxValue;
            for (int r = 0; r < 6; r++)
            {
                Stopwatch watch = Stopwatch.StartNew();
                var reader = new Utf8JsonReader(body);
                page = CloudWatchLogsClient.ReadFilterLogEvents(ref reader);
                watch.Stop();
                if (r > 0 && watch.Elapsed < best) best = watch.Elapsed;
            }
            Assert.Equal(10000, page.Events.Count);
            Assert.Equal("[7] epoch 3 loss=0.123 \"q\" \u00e9\n", page.Events[7].Message);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000007).UtcDateTime, page.Events[7].Timestamp);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000507).UtcDateTime, page.Events[7].IngestionTime);
            Assert.Same(page.Events[0].LogStreamName, page.Events[9999].LogStreamName);
            Assert.Equal("n1", page.NextToken);
            double perSecond = 10000 / best.TotalSeconds;
            TimeSpan tokens = BareTokenPass(body);
            Assert.True(perSecond > 150_000 || best.TotalMilliseconds < tokens.TotalMilliseconds * 8,
                "parsed only " + perSecond.ToString("N0") + " events/s (" + best.TotalMilliseconds + " ms; a bare token pass takes " + tokens.TotalMilliseconds + " ms)");
        }

        /// <summary>Best time of a reader pass that only tokenizes and materializes strings: the floor any parser of
        /// this body sits on, measured under the same machine load as the parser.</summary>
        private static TimeSpan BareTokenPass(byte[] body)
        {
            TimeSpan best = TimeSpan.MaxValue;
            for (int r = 0; r < 6; r++)
            {
                Stopwatch watch = Stopwatch.StartNew();
                var reader = new Utf8JsonReader(body);
                int strings = 0;
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.String && reader.GetString() != null) strings++;
                    else if (reader.TokenType == JsonTokenType.Number && reader.GetDouble() > double.MaxValue) strings--;
                }
                watch.Stop();
                if (r > 0 && watch.Elapsed < best) best = watch.Elapsed;
            }
            return best;
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
