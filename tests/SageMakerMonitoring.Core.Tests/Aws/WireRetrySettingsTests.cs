using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime.Internal;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>
    /// The wire clients' own retry settings against the emulator's fault injection: sustained throttling, 5xx and dropped
    /// connections are ridden out by the SDK's pipeline alone (no retries above it), the SDK's process-wide retry quota
    /// does not starve under sustained faults, and a caller's explicit maximum attempts still wins.
    /// </summary>
    public sealed class WireRetrySettingsTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public WireRetrySettingsTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static readonly Func<AwsClientFactory, Task>[] Reads =
        {
            async f => Assert.NotEmpty((await f.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest { Namespace = "/aws/sagemaker/TrainingJobs" }, CancellationToken.None)).Metrics),
            async f => Assert.NotEmpty((await f.CreateCloudWatchLogs().DescribeLogGroupsAsync("/aws/sagemaker/", null, null, CancellationToken.None)).LogGroups),
            async f => Assert.NotEmpty((await f.CreateEventBridge().ListRulesAsync("demo-", null, null, null, CancellationToken.None)).Rules),
            async f => Assert.Equal("InProgress", (await f.CreateSageMaker().DescribeTrainingJobAsync("demo-train-resnet50", CancellationToken.None)).Status),
        };

        private Task SetFaults(int seed, double throttleRate, double errorRate, double dropRate) =>
            _emulator.PostControlAsync("faults", new JsonObject
            {
                ["seed"] = seed,
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["service"] = "*", ["operation"] = "*",
                    ["throttleRate"] = throttleRate, ["errorRate"] = errorRate, ["dropRate"] = dropRate,
                }),
            });

        private Task ClearFaults() => _emulator.PostControlAsync("faults", new JsonObject { ["rules"] = new JsonArray() });

        /// <summary>Runs <paramref name="count"/> reads spread over the four awsJson services, <paramref name="parallel"/> at a time.</summary>
        private static async Task RunReads(AwsClientFactory factory, int count, int parallel)
        {
            int next = -1;
            async Task Worker()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count) await Reads[i % Reads.Length](factory);
            }
            await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Worker()));
        }

        private async Task<long> Injected()
        {
            JsonNode? faults = await _emulator.GetControlAsync("faults");
            return faults!["injected"]!.AsObject().Sum(p => p.Value!.GetValue<long>());
        }

        [Fact]
        public async Task Two_hundred_reads_at_a_30_percent_fault_rate_all_succeed_with_the_module_defaults()
        {
            await _emulator.ResetAsync("demo");
            await SetFaults(seed: 5, throttleRate: 0.15, errorRate: 0.10, dropRate: 0.05);
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls);
                await RunReads(factory, 200, parallel: 4);

                Assert.Equal(200, calls.Count);
                Assert.All(calls, c => Assert.Equal(200, c.StatusCode));
                Assert.True(await Injected() >= 30, "a 30% fault rate over 200 calls injects dozens of faults");
                Assert.True(calls.Sum(c => c.Retries) >= 30);
            }
            finally
            {
                await ClearFaults();
            }
        }

        [Fact]
        public async Task Sustained_throttling_5xx_and_drops_do_not_starve_the_retry_quota()
        {
            // 30% throttling + 30% 5xx + 5% drops. With the SDK's retry quota on (500 tokens per endpoint, 5 per throttled
            // and 14 per other retry), about 60 calls at this rate drain it and later calls fail on their first fault.
            await _emulator.ResetAsync("demo");
            await SetFaults(seed: 9, throttleRate: 0.30, errorRate: 0.30, dropRate: 0.05);
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls, maxAttempts: 30);
                await RunReads(factory, 120, parallel: 8);

                Assert.Equal(120, calls.Count);
                Assert.All(calls, c => Assert.Equal(200, c.StatusCode));
                int retries = calls.Sum(c => c.Retries);
                Assert.True(retries * 5 > 500, $"{retries} retries cost more than the quota's 500 tokens would have allowed");
            }
            finally
            {
                await ClearFaults();
            }
        }

        [Fact]
        public async Task Without_any_setting_a_call_gets_the_module_default_number_of_attempts()
        {
            await _emulator.ResetAsync("demo");
            await SetFaults(seed: 1, throttleRate: 0, errorRate: 1.0, dropRate: 0);
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls);
                int expected = FallbackInternalConfigurationFactory.MaxAttempts ?? AwsClientFactory.DefaultMaxAttempts;
                AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() => Reads[2](factory));
                Assert.InRange(error.StatusCode, 500, 503);
                AwsCallRecord record = Assert.Single(calls);
                Assert.Equal(expected - 1, record.Retries);
                Assert.Equal(expected, await _emulator.GetControlAsync("requests") is JsonNode r ? (int?)r["operations"]!["events.ListRules"] ?? 0 : 0);
            }
            finally
            {
                await ClearFaults();
            }
        }

        [Fact]
        public async Task A_caller_set_maximum_of_one_attempt_fails_fast()
        {
            await _emulator.ResetAsync("demo");
            await SetFaults(seed: 1, throttleRate: 1.0, errorRate: 0, dropRate: 0);
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls, maxAttempts: 1);
                var started = DateTime.UtcNow;
                AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() => Reads[0](factory));
                Assert.Equal("Throttling", error.ErrorCode);
                Assert.Equal(0, Assert.Single(calls).Retries);
                Assert.Equal(1, await Injected());
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
            }
            finally
            {
                await ClearFaults();
            }
        }

        [Fact]
        public void The_module_default_applies_only_when_no_standard_setting_says_otherwise()
        {
            using var explicitOne = new AwsClientFactory(new AwsClientOptions { Region = "us-east-1", MaxAttempts = 1 });
            Assert.Equal(1, explicitOne.ResolveMaxAttempts());
            using var unset = new AwsClientFactory(new AwsClientOptions { Region = "us-east-1" });
            // Null hands the decision to the SDK, which then applies AWS_MAX_ATTEMPTS or the profile's max_attempts itself.
            Assert.Equal(FallbackInternalConfigurationFactory.MaxAttempts.HasValue ? (int?)null : AwsClientFactory.DefaultMaxAttempts, unset.ResolveMaxAttempts());
        }
    }
}
