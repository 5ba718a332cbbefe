using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    /// <summary>
    /// Regions and accounts as separate worlds, and AWS's default request quotas enforced on request: through signed
    /// HTTP requests, with the answers' shapes as each protocol throttles (awsJson ThrottlingException; CloudWatch's
    /// query-compatible JSON and query protocols carry the query code Throttling).
    /// </summary>
    public sealed class WorldsAndQuotasTests : IAsyncLifetime
    {
        private EmulatorServer? _server;
        private readonly HttpClient _http = new HttpClient();
        private EmulatorServer Server => _server!;

        public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" });

        public async Task DisposeAsync()
        {
            _http.Dispose();
            if (_server != null) await _server.DisposeAsync();
        }

        private async Task ControlAsync(string route, JsonObject body)
        {
            using var response = await _http.PostAsync(Server.Url + "/_emulator/" + route,
                new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, route + ": " + await response.Content.ReadAsStringAsync());
        }

        private async Task<(int Status, string Body, HttpResponseMessage Response)> CallAsync(string service, string target, string jsonVersion, string body,
            string region = "us-east-1", string accessKeyId = CredentialStore.DefaultAccessKeyId, string secret = CredentialStore.DefaultSecretAccessKey)
        {
            var request = SigV4TestSigner.Build(Server.Url, service, "application/x-amz-json-" + jsonVersion, body,
                new Dictionary<string, string> { ["x-amz-target"] = target }, null, accessKeyId, secret, region);
            var response = await _http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        }

        private Task<(int Status, string Body, HttpResponseMessage Response)> PutAsync(string region, string metric, string key = CredentialStore.DefaultAccessKeyId,
            string secret = CredentialStore.DefaultSecretAccessKey) =>
            CallAsync("monitoring", "GraniteServiceVersion20100801.PutMetricData", "1.0",
                "{\"Namespace\":\"Worlds\",\"MetricData\":[{\"MetricName\":\"" + metric + "\",\"Value\":1}]}", region, key, secret);

        private async Task<string[]> MetricNamesAsync(string region, string key = CredentialStore.DefaultAccessKeyId, string secret = CredentialStore.DefaultSecretAccessKey)
        {
            var (status, body, _) = await CallAsync("monitoring", "GraniteServiceVersion20100801.ListMetrics", "1.0", "{\"Namespace\":\"Worlds\"}", region, key, secret);
            Assert.True(status == 200, body);
            return JsonNode.Parse(body)!["Metrics"]!.AsArray().Select(m => m!["MetricName"]!.GetValue<string>()).OrderBy(n => n).ToArray();
        }

        [Fact]
        public async Task Each_region_and_account_sees_only_its_own_data()
        {
            Assert.Equal(200, (await PutAsync("us-east-1", "InVirginia")).Status);
            Assert.Equal(200, (await PutAsync("eu-west-1", "InIreland")).Status);
            await ControlAsync("keys", new JsonObject { ["accessKeyId"] = "AKIAOTHERACCOUNT0001", ["secretAccessKey"] = "other-secret", ["accountId"] = "210987654321" });
            Assert.Equal(200, (await PutAsync("us-east-1", "InOtherAccount", "AKIAOTHERACCOUNT0001", "other-secret")).Status);

            Assert.Equal(new[] { "InVirginia" }, await MetricNamesAsync("us-east-1"));
            Assert.Equal(new[] { "InIreland" }, await MetricNamesAsync("eu-west-1"));
            Assert.Equal(new[] { "InOtherAccount" }, await MetricNamesAsync("us-east-1", "AKIAOTHERACCOUNT0001", "other-secret"));
            Assert.Empty(await MetricNamesAsync("ap-southeast-2"));
        }

        [Fact]
        public async Task Control_routes_name_the_world_they_change()
        {
            var upsert = new JsonObject { ["type"] = "TrainingJob", ["name"] = "regional-job", ["region"] = "eu-west-1" };
            await ControlAsync("sagemaker/upsert", upsert);
            var describe = "{\"TrainingJobName\":\"regional-job\"}";
            var (inIreland, irelandBody, _) = await CallAsync("sagemaker", "SageMaker.DescribeTrainingJob", "1.1", describe, "eu-west-1");
            Assert.True(inIreland == 200, irelandBody);
            Assert.Contains("arn:aws:sagemaker:eu-west-1:123456789012:training-job/regional-job", irelandBody);
            var (inVirginia, _, _) = await CallAsync("sagemaker", "SageMaker.DescribeTrainingJob", "1.1", describe, "us-east-1");
            Assert.Equal(400, inVirginia);
        }

        /// <summary>Stops the quota clock where it is: the buckets then refill only when <see cref="Advance"/> says so,
        /// however long the machine takes to send the requests.</summary>
        private void FreezeQuotaClock()
        {
            _quotaSeconds = 1000;
            Server.Quotas.Seconds = () => System.Threading.Volatile.Read(ref _quotaSeconds);
        }

        private double _quotaSeconds;

        private void Advance(double seconds) => System.Threading.Volatile.Write(ref _quotaSeconds, _quotaSeconds + seconds);

        [Fact]
        public async Task With_AWS_quotas_a_burst_over_the_TPS_quota_is_throttled_as_each_protocol_says_it()
        {
            FreezeQuotaClock();
            await ControlAsync("quotas", new JsonObject { ["mode"] = "aws" });
            // ListMetrics: 25 per second, and the bucket holds one second's worth. 60 at once with no time passing:
            // exactly 25 are admitted.
            var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ =>
                CallAsync("monitoring", "GraniteServiceVersion20100801.ListMetrics", "1.0", "{}", "eu-west-1")));
            var throttled = answers.Where(a => a.Status != 200).ToList();
            Assert.Equal(60 - 25, throttled.Count);
            Assert.All(throttled, a =>
            {
                Assert.Equal(400, a.Status);
                Assert.Contains("ThrottlingException", a.Body);
                Assert.Equal("Throttling;Sender", string.Join(",", a.Response.Headers.GetValues("x-amzn-query-error")));
            });

            // FilterLogEvents: 10 per second in eu-west-1, 25 in us-east-1 (separate quotas per Region).
            var logs = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
                CallAsync("logs", "Logs_20140328.FilterLogEvents", "1.1", "{\"logGroupName\":\"/nothing\"}", "eu-west-1")));
            var logsThrottled = logs.Where(a => a.Body.Contains("ThrottlingException")).ToList();
            Assert.Equal(30 - 10, logsThrottled.Count);
            Assert.All(logsThrottled, a => Assert.Equal(400, a.Status));

            var counts = JsonNode.Parse(Server.Quotas.ToJson().ToJsonString())!["counts"]!;
            Assert.Equal(throttled.Count, counts["123456789012/eu-west-1/monitoring.ListMetrics"]!["throttled"]!.GetValue<long>());
            Assert.Equal(25, counts["123456789012/eu-west-1/monitoring.ListMetrics"]!["admitted"]!.GetValue<long>());
            Assert.Equal(logsThrottled.Count, counts["123456789012/eu-west-1/logs.FilterLogEvents"]!["throttled"]!.GetValue<long>());

            // A quota of one per second: the first call is admitted, the next ones in the same second are refused, and
            // one second later the bucket holds one call again.
            await ControlAsync("quotas", new JsonObject { ["overrides"] = new JsonObject { ["monitoring.GetMetricStatistics"] = 1 } });
            async Task<bool> StatisticsThrottled() =>
                (await CallAsync("monitoring", "GraniteServiceVersion20100801.GetMetricStatistics", "1.0", "{}", "eu-west-1")).Body.Contains("ThrottlingException");
            Assert.False(await StatisticsThrottled());
            for (int i = 0; i < 5; i++) Assert.True(await StatisticsThrottled());
            Advance(0.5);
            Assert.True(await StatisticsThrottled());
            Advance(0.5);
            Assert.False(await StatisticsThrottled());
            Assert.True(await StatisticsThrottled());

            var virginia = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                CallAsync("logs", "Logs_20140328.FilterLogEvents", "1.1", "{\"logGroupName\":\"/nothing\"}", "us-east-1")));
            Assert.DoesNotContain(virginia, a => a.Body.Contains("ThrottlingException"));
        }

        [Fact]
        public async Task GetMetricData_is_throttled_while_the_answered_data_points_exceed_the_points_quota()
        {
            await ControlAsync("monitoring/synthetic", new JsonObject
            {
                ["jobName"] = "points-job", ["hosts"] = 1, ["metrics"] = new JsonArray("CPUUtilization"), ["seconds"] = 10800, ["resolution"] = 1,
                ["end"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            });
            FreezeQuotaClock();
            await ControlAsync("quotas", new JsonObject { ["mode"] = "aws", ["overrides"] = new JsonObject { ["monitoring.GetMetricData.points"] = 20000 } });
            var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            string Query(int n) => "{\"MetricDataQueries\":[{\"Id\":\"q\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"/aws/sagemaker/TrainingJobs\",\"MetricName\":\"CPUUtilization\","
                + "\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"points-job/algo-1\"}]},\"Period\":1,\"Stat\":\"Average\"}}],\"StartTime\":" + (end - 10000)
                + ",\"EndTime\":" + end + ",\"MaxDatapoints\":" + n + "}";
            Task<(int Status, string Body, HttpResponseMessage Response)> Read() =>
                CallAsync("monitoring", "GraniteServiceVersion20100801.GetMetricData", "1.0", Query(60000));
            // About 10,000 points per answer against 20,000 per second, with no time passing: the first two calls take
            // the bucket to about zero and are answered, a third is still admitted and puts it some 10,000 points in debt ...
            for (int i = 0; i < 3; i++)
            {
                var answer = await Read();
                Assert.True(answer.Status == 200, answer.Body);
            }
            // ... so the next call is refused while the debt lasts: 0.4 s refills about 8,000 of it ...
            var fourth = await Read();
            Assert.Equal(400, fourth.Status);
            Assert.Contains("ThrottlingException", fourth.Body);
            Advance(0.4);
            Assert.Equal(400, (await Read()).Status);
            // ... and 0.2 s more repays it.
            Advance(0.2);
            Assert.Equal(200, (await Read()).Status);
        }
    }
}
