using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class ControlRouteTests : IClassFixture<HostFixture>
    {
        private readonly HostFixture _fixture;

        public ControlRouteTests(HostFixture fixture)
        {
            _fixture = fixture;
        }

        private async Task<HttpStatusCode> DescribeEndpointAsync(string name = "demo-churn-endpoint")
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "sagemaker", "SageMaker.DescribeEndpoint", "1.1",
                $"{{\"EndpointName\":\"{name}\"}}"));
            return response.StatusCode;
        }

        [Fact]
        public async Task HealthAnswersOk()
        {
            Assert.Equal("ok", (await _fixture.GetControlAsync("health"))!["status"]!.GetValue<string>());
        }

        [Fact]
        public async Task RequestsAreCountedPerOperationAndReset()
        {
            await _fixture.ResetAsync();
            await DescribeEndpointAsync();
            await DescribeEndpointAsync("missing-endpoint");
            JsonNode counts = (await _fixture.GetControlAsync("requests"))!;
            Assert.Equal(2, counts["total"]!.GetValue<long>());
            Assert.Equal(2, counts["operations"]!["sagemaker.DescribeEndpoint"]!.GetValue<long>());

            await _fixture.PostControlAsync("requests/reset");
            Assert.Equal(0, (await _fixture.GetControlAsync("requests"))!["total"]!.GetValue<long>());
        }

        [Fact]
        public async Task ClockCanBeSetFrozenAdvancedAndMadeReal()
        {
            await _fixture.ResetAsync();
            JsonNode frozen = (await _fixture.PostControlAsync("clock", new JsonObject { ["freeze"] = "2026-11-28T10:00:00Z" }))!;
            Assert.Equal("2026-11-28T10:00:00.000Z", frozen["now"]!.GetValue<string>());
            Assert.True(frozen["frozen"]!.GetValue<bool>());
            Assert.Equal(new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc), _fixture.Server.Context.Clock.UtcNow);

            JsonNode advanced = (await _fixture.PostControlAsync("clock", new JsonObject { ["advanceSeconds"] = 3600 }))!;
            Assert.Equal("2026-11-28T11:00:00.000Z", advanced["now"]!.GetValue<string>());

            JsonNode running = (await _fixture.PostControlAsync("clock", new JsonObject { ["now"] = "2020-01-01T00:00:00Z" }))!;
            Assert.False(running["frozen"]!.GetValue<bool>());
            Assert.InRange(_fixture.Server.Context.Clock.UtcNow, new DateTime(2020, 1, 1), new DateTime(2020, 1, 1, 0, 5, 0));

            await _fixture.PostControlAsync("clock", new JsonObject { ["real"] = true });
            Assert.InRange(_fixture.Server.Context.Clock.UtcNow - DateTime.UtcNow, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task ResetClearsStateAndSeeds()
        {
            await _fixture.ResetAsync("empty");
            Assert.Equal(HttpStatusCode.BadRequest, await DescribeEndpointAsync());
            await _fixture.PostControlAsync("seed", new JsonObject { ["seed"] = "demo" });
            Assert.Equal(HttpStatusCode.OK, await DescribeEndpointAsync());

            await _fixture.PostControlAsync("clock", new JsonObject { ["freeze"] = "2026-01-01T00:00:00Z" });
            await _fixture.ResetAsync();
            Assert.False((await _fixture.GetControlAsync("clock"))!["frozen"]!.GetValue<bool>());
            Assert.Equal(HttpStatusCode.OK, await DescribeEndpointAsync());
        }

        [Fact]
        public async Task DemoSeedFollowsTheClock()
        {
            await _fixture.PostControlAsync("clock", new JsonObject { ["freeze"] = "2026-11-28T10:00:00Z" });
            await _fixture.PostControlAsync("reset", new JsonObject { ["seed"] = "demo" });
            // reset puts the clock back to real time, so freeze again and reseed on top
            await _fixture.PostControlAsync("clock", new JsonObject { ["freeze"] = "2026-11-28T10:00:00Z" });
            await _fixture.PostControlAsync("seed", new JsonObject { ["seed"] = "demo" });
            AwsCliResult result = (await _fixture.AwsAsync("sagemaker", "describe-training-job", "--training-job-name", "demo-train-resnet50")).EnsureSuccess();
            Assert.Equal(new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc),
                DateTimeOffset.Parse(result.Json!["TrainingStartTime"]!.GetValue<string>()).UtcDateTime);
            await _fixture.ResetAsync();
        }

        [Fact]
        public async Task UnknownRoutesAnswer404()
        {
            using HttpResponseMessage unknownService = await _fixture.Control.PostAsync("/_emulator/nosuch/thing", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.NotFound, unknownService.StatusCode);
            using HttpResponseMessage unknownAction = await _fixture.Control.PostAsync("/_emulator/sagemaker/explode", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.NotFound, unknownAction.StatusCode);
            using HttpResponseMessage serviceControl = await _fixture.Control.PostAsync("/_emulator/monitoring/last", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.OK, serviceControl.StatusCode);
        }
    }
}
