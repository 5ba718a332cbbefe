using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class JsonProtocolTests : IClassFixture<HostFixture>
    {
        private readonly HostFixture _fixture;

        public JsonProtocolTests(HostFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task CliGetMetricDataRoundTripsTreeAndEpochTimestamps()
        {
            AwsCliResult result = await _fixture.AwsAsync("cloudwatch", "get-metric-data",
                "--metric-data-queries",
                "[{\"Id\":\"m1\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/SageMaker\",\"MetricName\":\"Invocations\",\"Dimensions\":[{\"Name\":\"EndpointName\",\"Value\":\"demo-churn-endpoint\"}]},\"Period\":60,\"Stat\":\"Sum\"}}]",
                "--start-time", "2026-11-28T09:00:00Z", "--end-time", "2026-11-28T10:00:00Z");
            result.EnsureSuccess();

            Assert.Equal("GetMetricData", _fixture.Monitoring.LastOperation);
            JsonObject request = _fixture.Monitoring.LastRequest!;
            JsonObject query = (JsonObject)request.GetArray("MetricDataQueries")![0]!;
            Assert.Equal(60, query.GetObject("MetricStat").GetInt("Period"));
            Assert.Equal("demo-churn-endpoint", query.GetObject("MetricStat").GetObject("Metric").GetArray("Dimensions")![0]!.AsObject().GetString("Value"));
            Assert.Equal(new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc), request.GetDateTime("StartTime"));

            JsonNode series = result.Json!["MetricDataResults"]![0]!;
            DateTimeOffset first = DateTimeOffset.Parse(series["Timestamps"]![0]!.GetValue<string>());
            Assert.Equal(RecordingMonitoringService.SampleTime, first.UtcDateTime);
            Assert.Equal(1.5, series["Values"]![0]!.GetValue<double>());
        }

        [Fact]
        public async Task CliSeesQueryCodeOfServiceError()
        {
            AwsCliResult result = await _fixture.AwsAsync("cloudwatch", "describe-alarms");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal("InvalidParameterValue", result.ErrorCode);
            Assert.Contains("multiple of 60", result.Stderr);
        }

        [Fact]
        public async Task ErrorAnswerHasTypeMessageRequestIdAndQueryErrorHeader()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "monitoring",
                "GraniteServiceVersion20100801.Fail", "1.0", "{}"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("InvalidParameterValue;Sender", response.Headers.GetValues("x-amzn-query-error").Single());
            Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("x-amzn-RequestId").Single()));
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("InvalidParameterValueException", body["__type"]!.GetValue<string>());
            Assert.Equal("The parameter Period must be a multiple of 60.", body["message"]!.GetValue<string>());
        }

        [Fact]
        public async Task Json11ServiceAnswersWithoutQueryErrorHeaderAndEmptyBodyIsAccepted()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "sagemaker",
                "SageMaker.DescribeEndpoint", "1.1", "{\"EndpointName\":\"no-such-endpoint\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
            Assert.False(response.Headers.Contains("x-amzn-query-error"));
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("ValidationException", body["__type"]!.GetValue<string>());
        }

        [Fact]
        public async Task WrongTargetPrefixIsUnknownOperation()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "sagemaker",
                "Logs_20140328.DescribeEndpoint", "1.1", "{}"));
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("UnknownOperationException", body["__type"]!.GetValue<string>());
        }

        [Fact]
        public async Task MalformedJsonBodyIsSerializationException()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "sagemaker",
                "SageMaker.DescribeEndpoint", "1.1", "{not json"));
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("SerializationException", body["__type"]!.GetValue<string>());
        }
    }
}
