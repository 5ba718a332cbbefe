using System;
using System.Collections.Generic;
using System.Diagnostics;
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
    /// A per-call latency for every call of a service (the benchmarks' "150 ms per CloudWatch and Logs call"): a fault rule
    /// with operation "*" and no fault rates delays each matching call and injects nothing, leaves other services alone,
    /// and waits without holding a server thread, so calls in flight overlap.
    /// </summary>
    public sealed class ServiceLatencyTests : IAsyncLifetime
    {
        private const int LatencyMs = 300;

        private EmulatorServer? _server;
        private readonly HttpClient _http = new HttpClient();
        private EmulatorServer Server => _server!;

        public async Task InitializeAsync()
        {
            _server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" });
            await ControlAsync("faults", new JsonObject
            {
                ["seed"] = 3,
                ["rules"] = new JsonArray(
                    new JsonObject { ["service"] = "monitoring", ["operation"] = "*", ["latencyMs"] = LatencyMs },
                    new JsonObject { ["service"] = "logs", ["operation"] = "*", ["latencyMs"] = LatencyMs }),
            });
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            if (_server != null) await _server.DisposeAsync();
        }

        private async Task<JsonNode> ControlAsync(string route, JsonObject? body = null)
        {
            using var response = body is null
                ? await _http.GetAsync(Server.Url + "/_emulator/" + route)
                : await _http.PostAsync(Server.Url + "/_emulator/" + route, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, route + ": " + text);
            return JsonNode.Parse(text)!;
        }

        private async Task<(int Status, TimeSpan Elapsed)> CallAsync(string service, string target, string jsonVersion, string body)
        {
            using var request = SigV4TestSigner.Build(Server.Url, service, "application/x-amz-json-" + jsonVersion, body,
                new Dictionary<string, string> { ["x-amz-target"] = target });
            var watch = Stopwatch.StartNew();
            using var response = await _http.SendAsync(request);
            await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, watch.Elapsed);
        }

        private Task<(int Status, TimeSpan Elapsed)> ListMetricsAsync() =>
            CallAsync("monitoring", "GraniteServiceVersion20100801.ListMetrics", "1.0", "{}");

        [Fact]
        public async Task Every_call_of_the_matching_services_waits_the_latency_and_none_is_faulted()
        {
            var calls = new List<(int Status, TimeSpan Elapsed)>();
            for (int i = 0; i < 5; i++)
            {
                calls.Add(await ListMetricsAsync());
                calls.Add(await CallAsync("monitoring", "GraniteServiceVersion20100801.PutMetricData", "1.0",
                    "{\"Namespace\":\"Latency\",\"MetricData\":[{\"MetricName\":\"M\",\"Value\":" + i + "}]}"));
                calls.Add(await CallAsync("logs", "Logs_20140328.DescribeLogGroups", "1.1", "{}"));
            }
            Assert.All(calls, c => Assert.Equal(200, c.Status));
            // A lower bound only: each answer came no sooner than the latency.
            Assert.All(calls, c => Assert.True(c.Elapsed >= TimeSpan.FromMilliseconds(LatencyMs - 15), c.Elapsed.ToString()));
            var faults = await ControlAsync("faults");
            Assert.Empty(faults["injected"]!.AsObject());
        }

        [Fact]
        public async Task Services_without_a_rule_are_not_delayed_by_it()
        {
            await ControlAsync("sagemaker/upsert", new JsonObject { ["type"] = "TrainingJob", ["name"] = "latency-free" });
            var decision = Server.Faults.Decide("sagemaker", "DescribeTrainingJob");
            Assert.Equal(FaultDecision.NoFault, decision);
            Assert.Equal(new FaultDecision(FaultKind.None, LatencyMs), Server.Faults.Decide("monitoring", "GetMetricData"));
        }

        [Fact]
        public async Task Calls_in_flight_wait_together_rather_than_one_after_another()
        {
            // 48 calls at once: waiting on a held thread each would take about 48 x 300 ms = 14.4 s as the pool grows;
            // a timer-based wait lets them overlap. The bound is a third of the serial time, far from the expected ~0.3 s.
            var watch = Stopwatch.StartNew();
            var calls = await Task.WhenAll(Enumerable.Range(0, 48).Select(_ => ListMetricsAsync()));
            watch.Stop();
            Assert.All(calls, c => Assert.Equal(200, c.Status));
            Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(48 * LatencyMs / 3.0), watch.Elapsed.ToString());
        }
    }
}
