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
    /// GetMetricData's two data-points quotas (CloudWatch user guide: 180,000 per second when StartTime is at most
    /// 3 hours ago, 396,000 per second when older): the tier is chosen by the request's StartTime against the emulator
    /// clock, each tier is its own bucket, and a refusal is the query-compatible throttling answer, counted as a
    /// throttled GetMetricData. Rates are overridden to a few thousand points per second so one answer puts a bucket
    /// in debt for seconds, whatever the machine's speed.
    /// </summary>
    public sealed class DataPointsQuotaTests : IAsyncLifetime
    {
        private const string Target = "GraniteServiceVersion20100801.GetMetricData";
        private static readonly DateTime Frozen = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

        private EmulatorServer? _server;
        private readonly HttpClient _http = new HttpClient();
        private EmulatorServer Server => _server!;

        public async Task InitializeAsync()
        {
            _server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" });
            await ControlAsync("clock", new JsonObject { ["freeze"] = Frozen.ToString("o", CultureInfo.InvariantCulture) });
            // One series of 6 hours at 1 s, ending at the frozen "now".
            await ControlAsync("monitoring/synthetic", new JsonObject
            {
                ["jobName"] = "tier-job", ["hosts"] = 1, ["metrics"] = new JsonArray("CPUUtilization"), ["seconds"] = 6 * 3600, ["resolution"] = 1,
                ["end"] = Frozen.ToString("o", CultureInfo.InvariantCulture),
            });
        }

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

        /// <summary>A GetMetricData starting <paramref name="startBeforeNow"/> before the frozen now, over
        /// <paramref name="seconds"/> at <paramref name="period"/> (1-second periods only within 3 hours, as on AWS).</summary>
        private async Task<(int Status, string Body, string? QueryError)> GetAsync(TimeSpan startBeforeNow, int seconds, int period = 1)
        {
            long start = new DateTimeOffset(Frozen - startBeforeNow).ToUnixTimeSeconds();
            string body = "{\"MetricDataQueries\":[{\"Id\":\"q\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"/aws/sagemaker/TrainingJobs\",\"MetricName\":\"CPUUtilization\","
                + "\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"tier-job/algo-1\"}]},\"Period\":" + period + ",\"Stat\":\"Average\"}}],\"StartTime\":" + start
                + ",\"EndTime\":" + (start + seconds) + ",\"ScanBy\":\"TimestampAscending\"}";
            using var request = SigV4TestSigner.Build(Server.Url, "monitoring", "application/x-amz-json-1.0", body,
                new Dictionary<string, string> { ["x-amz-target"] = Target });
            using var response = await _http.SendAsync(request);
            string? queryError = response.Headers.TryGetValues("x-amzn-query-error", out var values) ? string.Join(",", values) : null;
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), queryError);
        }

        private static int PointsIn(string body) =>
            JsonNode.Parse(body)!["MetricDataResults"]!.AsArray().Sum(r => r!["Timestamps"]!.AsArray().Count);

        private JsonNode Counts() => JsonNode.Parse(Server.Quotas.ToJson().ToJsonString())!["counts"]!["123456789012/us-east-1/monitoring.GetMetricData"]!;

        [Theory]
        [InlineData(0, false)]
        [InlineData(3 * 3600 - 1, false)]
        [InlineData(3 * 3600, false)]
        [InlineData(3 * 3600 + 1, true)]
        [InlineData(5 * 3600, true)]
        public void The_tier_is_older_only_when_StartTime_is_more_than_three_hours_before_now(int secondsBeforeNow, bool older)
        {
            double now = 1_800_000_000;
            Assert.Equal(older, QuotaEnforcer.IsOlderData(now - secondsBeforeNow, now));
        }

        [Fact]
        public async Task Recent_and_older_data_draw_on_separate_buckets_chosen_by_StartTime_against_the_emulator_clock()
        {
            await ControlAsync("quotas", new JsonObject
            {
                ["mode"] = "aws",
                ["overrides"] = new JsonObject { [QuotaEnforcer.RecentPointsOverride] = 1000, [QuotaEnforcer.OlderPointsOverride] = 10 },
            });

            // Exactly 3 hours before the (frozen) emulator clock is still recent: 10,000 points put that bucket 9 s in debt.
            var recent = await GetAsync(TimeSpan.FromHours(3), 10_000);
            Assert.True(recent.Status == 200, recent.Body);
            Assert.Equal(10_000, PointsIn(recent.Body));
            var recentAgain = await GetAsync(TimeSpan.FromHours(1), 100);
            Assert.Equal(400, recentAgain.Status);
            Assert.Contains("ThrottlingException", recentAgain.Body);
            Assert.Equal("Throttling;Sender", recentAgain.QueryError);

            // One second older is the other tier (1-minute periods there), whose bucket is untouched: answered, and then
            // 180 minutes against 10 points per second put it in debt too.
            var older = await GetAsync(TimeSpan.FromHours(3) + TimeSpan.FromSeconds(1), 3 * 3600, 60);
            Assert.True(older.Status == 200, older.Body);
            Assert.InRange(PointsIn(older.Body), 180, 181);
            var olderAgain = await GetAsync(TimeSpan.FromHours(5), 600, 60);
            Assert.Equal(400, olderAgain.Status);
            Assert.Equal("Throttling;Sender", olderAgain.QueryError);

            // Two refusals on the points buckets, counted as throttled GetMetricData; the two answers as admitted.
            var counts = Counts();
            Assert.Equal(2, counts["admitted"]!.GetValue<long>());
            Assert.Equal(2, counts["throttled"]!.GetValue<long>());
        }

        [Fact]
        public async Task The_age_is_measured_on_the_emulator_clock_so_moving_it_moves_a_request_to_the_older_tier()
        {
            await ControlAsync("quotas", new JsonObject
            {
                ["mode"] = "aws",
                ["overrides"] = new JsonObject { [QuotaEnforcer.RecentPointsOverride] = 1000, [QuotaEnforcer.OlderPointsOverride] = 1_000_000 },
            });
            Assert.Equal(200, (await GetAsync(TimeSpan.FromHours(2), 10_000)).Status);
            Assert.Equal(400, (await GetAsync(TimeSpan.FromHours(2), 600, 60)).Status);

            // The same StartTime (and period), with the clock two hours later, is four hours old: the older bucket answers.
            long sameStart = new DateTimeOffset(Frozen - TimeSpan.FromHours(2)).ToUnixTimeSeconds();
            await ControlAsync("clock", new JsonObject { ["freeze"] = Frozen.AddHours(2).ToString("o", CultureInfo.InvariantCulture) });
            string body = "{\"MetricDataQueries\":[{\"Id\":\"q\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"/aws/sagemaker/TrainingJobs\",\"MetricName\":\"CPUUtilization\","
                + "\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"tier-job/algo-1\"}]},\"Period\":60,\"Stat\":\"Average\"}}],\"StartTime\":" + sameStart
                + ",\"EndTime\":" + (sameStart + 600) + "}";
            using var request = SigV4TestSigner.Build(Server.Url, "monitoring", "application/x-amz-json-1.0", body,
                new Dictionary<string, string> { ["x-amz-target"] = Target });
            using var response = await _http.SendAsync(request);
            Assert.True((int)response.StatusCode == 200, await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task With_quotas_off_nothing_is_refused_or_counted()
        {
            await ControlAsync("quotas", new JsonObject { ["mode"] = "off", ["overrides"] = new JsonObject { [QuotaEnforcer.RecentPointsOverride] = 1 } });
            for (int i = 0; i < 3; i++) Assert.Equal(200, (await GetAsync(TimeSpan.FromHours(1), 5_000)).Status);
            Assert.Null(JsonNode.Parse(Server.Quotas.ToJson().ToJsonString())!["counts"]!["123456789012/us-east-1/monitoring.GetMetricData"]);
        }
    }
}
