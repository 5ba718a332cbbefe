using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>The wire clients against the project's emulator, which verifies every SigV4 signature.</summary>
    [Collection("EmulatorWire")]
    public sealed class EmulatorWireTests : IClassFixture<EmulatorFixture>
    {
        private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
        private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        private const string SessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
        private readonly EmulatorFixture _emulator;

        public EmulatorWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private AwsClientFactory Factory(List<AwsCallRecord> calls, string secret = SecretKey, int? maxAttempts = null)
        {
            return new AwsClientFactory(new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = _emulator.Url,
                Credentials = new SessionAWSCredentials(AccessKey, secret, SessionToken),
                CallLogger = r => { lock (calls) calls.Add(r); },
                MaxAttempts = maxAttempts,
            });
        }

        [Fact]
        public async Task Signed_calls_are_accepted_and_call_records_carry_no_secrets()
        {
            await _emulator.ResetAsync();
            var calls = new List<AwsCallRecord>();
            using AwsClientFactory factory = Factory(calls);
            MetricListPage page = await factory.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);
            Assert.NotEmpty(page.Metrics);
            AwsCallRecord record = Assert.Single(calls);
            Assert.Equal(200, record.StatusCode);
            Assert.Equal("ListMetrics", record.Operation);
            string text = record.ToString();
            Assert.DoesNotContain(SecretKey, text);
            Assert.DoesNotContain(SessionToken, text);
            Assert.DoesNotContain("Signature", text);
        }

        [Fact]
        public async Task A_bad_secret_yields_AwsServiceException_naming_the_aws_error_code()
        {
            await _emulator.ResetAsync();
            var calls = new List<AwsCallRecord>();
            using AwsClientFactory factory = Factory(calls, secret: "not-the-secret");
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                factory.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None));
            Assert.Contains(error.ErrorCode, new[] { "SignatureDoesNotMatch", "InvalidSignatureException" });
            Assert.Equal("CloudWatch", error.Service);
            Assert.InRange(error.StatusCode, 400, 403);
            Assert.All(calls, c => Assert.DoesNotContain("not-the-secret", c.ToString()));
        }

        [Fact]
        public async Task Throttled_attempts_are_retried_until_the_call_succeeds()
        {
            await _emulator.ResetAsync();
            await _emulator.PostControlAsync("faults", JsonNode.Parse(
                "{\"seed\":7,\"rules\":[{\"service\":\"monitoring\",\"operation\":\"ListMetrics\",\"throttleRate\":0.5}]}"));
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = Factory(calls, maxAttempts: 10);
                ICloudWatchClient client = factory.CreateCloudWatch();
                for (int i = 0; i < 4; i++)
                {
                    MetricListPage page = await client.ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None);
                    Assert.NotEmpty(page.Metrics);
                }
                Assert.Equal(4, calls.Count);
                Assert.All(calls, c => Assert.Equal(200, c.StatusCode));
                Assert.True(calls.Sum(c => c.Retries) > 0, "a 50% throttle rate over 4 calls should have caused at least one retry");
                JsonNode? requests = await _emulator.GetControlAsync("requests");
                Assert.Equal(4 + calls.Sum(c => c.Retries), (int)requests!["operations"]!["monitoring.ListMetrics"]!);
            }
            finally
            {
                await _emulator.PostControlAsync("faults", JsonNode.Parse("{\"rules\":[]}"));
            }
        }

        [Fact]
        public async Task Cancellation_aborts_a_call_the_emulator_is_holding()
        {
            await _emulator.ResetAsync();
            await _emulator.PostControlAsync("faults", JsonNode.Parse(
                "{\"rules\":[{\"service\":\"monitoring\",\"operation\":\"ListMetrics\",\"latencyMs\":60000}]}"));
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = Factory(calls);
                using var cancel = new CancellationTokenSource();
                Task<MetricListPage> call = factory.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest(), cancel.Token);
                // Cancel once the emulator holds the request (counted on arrival), not after a guessed delay.
                var waited = Stopwatch.StartNew();
                while ((await _emulator.GetControlAsync("requests"))?["operations"]?["monitoring.ListMetrics"] == null)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the call never reached the emulator");
                    await Task.Delay(20);
                }
                Assert.False(call.IsCompleted);
                Stopwatch watch = Stopwatch.StartNew();
                cancel.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
                // The emulator holds the answer for 60 s: ending well inside 20 s, even on a loaded machine, means the
                // cancellation reached the wire.
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "cancellation took " + watch.Elapsed);
            }
            finally
            {
                await _emulator.PostControlAsync("faults", JsonNode.Parse("{\"rules\":[]}"));
            }
        }
    }
}
