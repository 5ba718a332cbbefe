using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class FaultInjectionTests : IClassFixture<HostFixture>
    {
        private readonly HostFixture _fixture;

        public FaultInjectionTests(HostFixture fixture)
        {
            _fixture = fixture;
        }

        private static JsonObject Rules(int seed, params JsonObject[] rules) =>
            new JsonObject { ["seed"] = seed, ["rules"] = new JsonArray(rules) };

        private static JsonObject Rule(string service, string operation, double throttle = 0, double error = 0, double drop = 0, int latencyMs = 0) =>
            new JsonObject { ["service"] = service, ["operation"] = operation, ["throttleRate"] = throttle, ["errorRate"] = error, ["dropRate"] = drop, ["latencyMs"] = latencyMs };

        private async Task<string> DescribeOutcomeAsync(HttpClient client)
        {
            try
            {
                using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "sagemaker", "SageMaker.DescribeEndpoint", "1.1",
                    "{\"EndpointName\":\"demo-churn-endpoint\"}"));
                if (response.StatusCode == HttpStatusCode.OK) return "ok";
                JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                return (int)response.StatusCode + ":" + body["__type"]!.GetValue<string>();
            }
            catch (HttpRequestException)
            {
                return "dropped";
            }
        }

        private async Task<List<string>> RunSequenceAsync(int seed, int count)
        {
            await _fixture.ResetAsync();
            await _fixture.PostControlAsync("faults", Rules(seed, Rule("sagemaker", "*", throttle: 0.25, error: 0.25, drop: 0.15)));
            var outcomes = new List<string>();
            using var client = new HttpClient();
            for (int i = 0; i < count; i++) outcomes.Add(await DescribeOutcomeAsync(client));
            return outcomes;
        }

        [Fact]
        public async Task SameSeedGivesSameFaultsAndEveryKindAppears()
        {
            List<string> first = await RunSequenceAsync(7, 40);
            JsonNode counts = (await _fixture.GetControlAsync("requests"))!;
            JsonNode faults = (await _fixture.GetControlAsync("faults"))!;
            List<string> second = await RunSequenceAsync(7, 40);
            List<string> other = await RunSequenceAsync(8, 40);
            await _fixture.ResetAsync();

            Assert.Equal(first, second);
            Assert.NotEqual(first, other);
            Assert.Contains("ok", first);
            Assert.Contains("400:ThrottlingException", first);
            Assert.Contains("dropped", first);
            Assert.True(first.Contains("500:InternalFailure") || first.Contains("503:ServiceUnavailable"));
            Assert.Equal(40, counts["operations"]!["sagemaker.DescribeEndpoint"]!.GetValue<long>());
            int faulted = first.FindAll(o => o != "ok").Count;
            Assert.Equal(faulted, faults["injected"]!["sagemaker.DescribeEndpoint"]!.GetValue<long>());
        }

        [Fact]
        public async Task RulesOnlyHitMatchingOperationsAndCanBeCleared()
        {
            await _fixture.ResetAsync();
            await _fixture.PostControlAsync("faults", Rules(1, Rule("sagemaker", "DescribeTrainingJob", throttle: 1)));
            using var client = new HttpClient();
            Assert.Equal("ok", await DescribeOutcomeAsync(client));
            AwsCliResult throttled = await _fixture.AwsAsync("sagemaker", "describe-training-job", "--training-job-name", "demo-train-resnet50");
            Assert.Equal("ThrottlingException", throttled.ErrorCode);

            await _fixture.PostControlAsync("faults", new JsonObject { ["rules"] = new JsonArray() });
            (await _fixture.AwsAsync("sagemaker", "describe-training-job", "--training-job-name", "demo-train-resnet50")).EnsureSuccess();
        }

        [Fact]
        public async Task CliRetriesThrottlingWhenAllowed()
        {
            await _fixture.ResetAsync();
            // Seed 3 with rate 0.5: whatever the draws, a 10-attempt client gets through unless ten throttles come in a row.
            await _fixture.PostControlAsync("faults", Rules(3, Rule("*", "*", throttle: 0.5)));
            AwsCliResult result = await AwsCli.RunAsync(new AwsCliOptions { MaxAttempts = 10 }, _fixture.Url, "sagemaker", "describe-endpoint", "--endpoint-name", "demo-churn-endpoint");
            JsonNode faults = (await _fixture.GetControlAsync("faults"))!;
            JsonNode counts = (await _fixture.GetControlAsync("requests"))!;
            await _fixture.ResetAsync();
            result.EnsureSuccess();
            long injected = faults["injected"]?["sagemaker.DescribeEndpoint"]?.GetValue<long>() ?? 0;
            Assert.Equal(injected + 1, counts["operations"]!["sagemaker.DescribeEndpoint"]!.GetValue<long>());
        }

        [Fact]
        public async Task QueryProtocolThrottleIsThrottlingXml()
        {
            await _fixture.ResetAsync();
            await _fixture.PostControlAsync("faults", Rules(1, Rule("monitoring", "ListMetrics", throttle: 1)));
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, "Action=ListMetrics&Version=2010-08-01"));
            string text = await response.Content.ReadAsStringAsync();
            await _fixture.ResetAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            XNamespace cw = "http://monitoring.amazonaws.com/doc/2010-08-01/";
            Assert.Equal("Throttling", XDocument.Parse(text).Root!.Element(cw + "Error")!.Element(cw + "Code")!.Value);
        }

        [Fact]
        public async Task CloudWatchJsonThrottleCarriesQueryCode()
        {
            await _fixture.ResetAsync();
            await _fixture.PostControlAsync("faults", Rules(1, Rule("monitoring", "*", throttle: 1)));
            AwsCliResult result = await _fixture.AwsAsync("cloudwatch", "list-metrics");
            await _fixture.ResetAsync();
            Assert.Equal("Throttling", result.ErrorCode);
        }

        [Fact]
        public async Task LatencyDelaysTheAnswer()
        {
            await _fixture.ResetAsync();
            await _fixture.PostControlAsync("faults", Rules(1, Rule("sagemaker", "DescribeEndpoint", latencyMs: 400)));
            using var client = new HttpClient();
            var watch = Stopwatch.StartNew();
            string outcome = await DescribeOutcomeAsync(client);
            watch.Stop();
            await _fixture.ResetAsync();
            Assert.Equal("ok", outcome);
            // A lower bound only: the injected delay must be there; load can only add to it, never make this fail.
            Assert.True(watch.ElapsedMilliseconds >= 380, $"took {watch.ElapsedMilliseconds} ms");
        }
    }
}
