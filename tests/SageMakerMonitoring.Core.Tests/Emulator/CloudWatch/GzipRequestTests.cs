using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>
    /// Request compression as the AWS CLI (botocore's "requestcompression" trait: PutMetricData bodies of 10 KB and more
    /// go gzip-compressed) and the module's own client send it, against the emulator.
    /// </summary>
    public sealed class GzipRequestTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public GzipRequestTests(EmulatorFixture fixture) => _fixture = fixture;

        private async Task<int> GzipCountAsync(string key)
        {
            var counts = await _fixture.GetControlAsync("requests");
            return counts?["gzip"]?[key]?.GetValue<int>() ?? 0;
        }

        [Fact]
        public async Task The_AWS_CLI_sends_a_large_PutMetricData_gzip_compressed_and_the_emulator_reads_it()
        {
            await _fixture.PostControlAsync("requests/reset");
            var now = DateTime.UtcNow;
            var t0 = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(-30);
            // 400 data of ~100 bytes: ~40 KB of JSON, above the 10 KB compression threshold.
            var data = new JsonArray(Enumerable.Range(0, 400).Select(i => (JsonNode)new JsonObject
            {
                ["MetricName"] = "CliGzip",
                ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "Host", ["Value"] = "gzip-job/algo-1" }),
                ["Timestamp"] = t0.AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["Value"] = i,
                ["StorageResolution"] = 1,
            }).ToArray());
            var file = Path.Combine(Path.GetTempPath(), "smm-gzip-" + Guid.NewGuid().ToString("n") + ".json");
            await File.WriteAllTextAsync(file, data.ToJsonString());
            try
            {
                (await _fixture.AwsAsync("cloudwatch", "put-metric-data", "--namespace", "Cli/Gzip", "--metric-data", "file://" + file)).EnsureSuccess();
            }
            finally
            {
                File.Delete(file);
            }
            Assert.Equal(1, await GzipCountAsync("monitoring.PutMetricData"));

            var stats = (await _fixture.AwsAsync("cloudwatch", "get-metric-statistics", "--namespace", "Cli/Gzip", "--metric-name", "CliGzip",
                "--dimensions", "Name=Host,Value=gzip-job/algo-1", "--start-time", t0.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                "--end-time", t0.AddSeconds(400).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "--period", "60",
                "--statistics", "Sum", "SampleCount")).EnsureSuccess().Json!;
            var points = stats["Datapoints"]!.AsArray();
            Assert.Equal(400.0, points.Sum(p => p!["SampleCount"]!.GetValue<double>()));
            Assert.Equal(Enumerable.Range(0, 400).Sum(), points.Sum(p => p!["Sum"]!.GetValue<double>()));
        }

        private static byte[] Gzip(string text)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
            return buffer.ToArray();
        }

        private async Task<(int Status, string Body)> SendAsync(string contentType, byte[] payload, string? target, string encoding)
        {
            using var http = new HttpClient();
            var headers = new System.Collections.Generic.Dictionary<string, string>();
            if (target != null) headers["x-amz-target"] = target;
            using var request = SigV4TestSigner.BuildBytes(_fixture.Url, "monitoring", contentType, payload, headers);
            request.Content!.Headers.ContentEncoding.Add(encoding);
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Gzip_bodies_are_read_on_the_query_protocol_too()
        {
            var t = DateTime.UtcNow.AddMinutes(-20).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var form = "Action=PutMetricData&Version=2010-08-01&Namespace=Query%2FGzip&MetricData.member.1.MetricName=Q&MetricData.member.1.Value=42"
                       + "&MetricData.member.1.Timestamp=" + Uri.EscapeDataString(t);
            var (status, body) = await SendAsync("application/x-www-form-urlencoded; charset=utf-8", Gzip(form), null, "gzip");
            Assert.True(status == 200, body);
            var listed = (await _fixture.AwsAsync("cloudwatch", "list-metrics", "--namespace", "Query/Gzip")).EnsureSuccess().Json!;
            Assert.Equal("Q", listed["Metrics"]!.AsArray().Single()!["MetricName"]!.GetValue<string>());
        }

        [Fact]
        public async Task A_body_that_says_gzip_but_is_not_is_refused_as_malformed()
        {
            var (status, body) = await SendAsync("application/x-amz-json-1.0", Encoding.UTF8.GetBytes("{\"Namespace\":\"X\",\"MetricData\":[]}"),
                "GraniteServiceVersion20100801.PutMetricData", "gzip");
            Assert.Equal(400, status);
            Assert.Contains("SerializationException", body);
        }

        [Fact]
        public async Task An_encoding_the_protocols_do_not_take_is_refused()
        {
            var (status, body) = await SendAsync("application/x-amz-json-1.0", Encoding.UTF8.GetBytes("{}"), "GraniteServiceVersion20100801.ListMetrics", "br");
            Assert.Equal(400, status);
            Assert.Contains("Content-Encoding", body);
        }
    }
}
