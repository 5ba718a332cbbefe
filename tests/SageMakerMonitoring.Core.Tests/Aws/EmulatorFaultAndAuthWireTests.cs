using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>
    /// Every service's wire client against the emulator's SigV4 verification and fault injection: signatures with a
    /// session token and an added key pair are accepted; throttling and 5xx answers are retried until the call succeeds;
    /// exhausted retries and bad credentials surface as <see cref="AwsServiceException"/> naming the AWS error code.
    /// </summary>
    public sealed class EmulatorFaultAndAuthWireTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public EmulatorFaultAndAuthWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        /// <summary>One cheap successful call per service, keyed by the emulator's counter name.</summary>
        private static Func<Task> Call(AwsClientFactory factory, string service)
        {
            switch (service)
            {
                case "monitoring":
                    return async () => Assert.NotEmpty((await factory.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest { Namespace = "/aws/sagemaker/TrainingJobs" }, CancellationToken.None)).Metrics);
                case "logs":
                    return async () => Assert.NotEmpty((await factory.CreateCloudWatchLogs().DescribeLogGroupsAsync("/aws/sagemaker/", null, null, CancellationToken.None)).LogGroups);
                case "events":
                    return async () => Assert.NotEmpty((await factory.CreateEventBridge().ListRulesAsync("demo-", null, null, null, CancellationToken.None)).Rules);
                case "sagemaker":
                    return async () => Assert.Equal("InProgress", (await factory.CreateSageMaker().DescribeTrainingJobAsync("demo-train-resnet50", CancellationToken.None)).Status);
                case "s3":
                    return async () => Assert.Empty((await factory.CreateObjectStore().ListObjectsAsync("wire-faults", null, null, CancellationToken.None)).Objects);
                default:
                    throw new ArgumentOutOfRangeException(nameof(service));
            }
        }

        private static readonly Dictionary<string, string> Operations = new Dictionary<string, string>
        {
            ["monitoring"] = "ListMetrics",
            ["logs"] = "DescribeLogGroups",
            ["events"] = "ListRules",
            ["sagemaker"] = "DescribeTrainingJob",
            ["s3"] = "ListObjectsV2",
        };

        private async Task ResetWithBucket()
        {
            await _emulator.ResetAsync("demo");
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "wire-faults" });
        }

        private async Task<int> RequestCount(string service)
        {
            JsonNode? requests = await _emulator.GetControlAsync("requests");
            return (int?)requests!["operations"]![service + "." + Operations[service]] ?? 0;
        }

        private Task SetFault(string service, string kind, double rate, int seed) =>
            _emulator.PostControlAsync("faults", JsonNode.Parse(
                $"{{\"seed\":{seed},\"rules\":[{{\"service\":\"{service}\",\"operation\":\"{Operations[service]}\",\"{kind}\":{rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]}}"));

        [Theory]
        [InlineData("monitoring", "errorRate")]
        [InlineData("logs", "throttleRate")]
        [InlineData("logs", "errorRate")]
        [InlineData("events", "throttleRate")]
        [InlineData("events", "errorRate")]
        [InlineData("sagemaker", "throttleRate")]
        [InlineData("sagemaker", "errorRate")]
        [InlineData("s3", "throttleRate")]
        [InlineData("s3", "errorRate")]
        public async Task Faulted_attempts_are_retried_until_the_call_succeeds(string service, string kind)
        {
            await ResetWithBucket();
            await SetFault(service, kind, 0.5, 11);
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls, maxAttempts: 10);
                Func<Task> call = Call(factory, service);
                for (int i = 0; i < 5; i++) await call();

                Assert.Equal(5, calls.Count);
                Assert.All(calls, c => Assert.Equal(200, c.StatusCode));
                int retries = calls.Sum(c => c.Retries);
                Assert.True(retries > 0, "a 50% fault rate over 5 calls should have caused at least one retry");
                Assert.Equal(5 + retries, await RequestCount(service));
                JsonNode? faults = await _emulator.GetControlAsync("faults");
                Assert.Contains(service + "." + Operations[service], faults!.ToJsonString());
            }
            finally
            {
                await _emulator.PostControlAsync("faults", JsonNode.Parse("{\"rules\":[]}"));
            }
        }

        [Theory]
        [InlineData("monitoring", "throttleRate", "Throttling", 400)]
        [InlineData("logs", "throttleRate", "ThrottlingException", 400)]
        [InlineData("events", "errorRate", null, 500)]
        [InlineData("sagemaker", "throttleRate", "ThrottlingException", 400)]
        [InlineData("s3", "throttleRate", "SlowDown", 503)]
        public async Task Exhausted_retries_surface_the_service_error_code(string service, string kind, string? code, int status)
        {
            await ResetWithBucket();
            await SetFault(service, kind, 1.0, 1);
            try
            {
                var calls = new List<AwsCallRecord>();
                using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls, maxAttempts: 3);
                AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(Call(factory, service));
                if (code != null) Assert.Equal(code, error.ErrorCode);
                else Assert.Contains(error.ErrorCode, new[] { "InternalFailure", "InternalException", "ServiceUnavailable" });
                if (status == 500) Assert.InRange(error.StatusCode, 500, 503);
                else Assert.Equal(status, error.StatusCode);
                Assert.Equal(Operations[service], error.Operation);
                Assert.Equal(3, await RequestCount(service));
                AwsCallRecord record = Assert.Single(calls);
                Assert.Equal(2, record.Retries);
                Assert.Equal(error.ErrorCode, record.ErrorCode);
            }
            finally
            {
                await _emulator.PostControlAsync("faults", JsonNode.Parse("{\"rules\":[]}"));
            }
        }

        [Theory]
        [InlineData("monitoring", "SignatureDoesNotMatch", 403)]
        [InlineData("logs", "InvalidSignatureException", 400)]
        [InlineData("events", "InvalidSignatureException", 400)]
        [InlineData("sagemaker", "InvalidSignatureException", 400)]
        [InlineData("s3", "SignatureDoesNotMatch", 403)]
        public async Task A_bad_secret_is_refused_with_the_service_error_code(string service, string code, int status)
        {
            await ResetWithBucket();
            const string wrongSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRETKEY";
            var calls = new List<AwsCallRecord>();
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls, secret: wrongSecret, maxAttempts: 1);
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(Call(factory, service));
            Assert.Equal(code, error.ErrorCode);
            Assert.Equal(status, error.StatusCode);
            Assert.DoesNotContain(wrongSecret, error.ToString());
            // Signature errors quote the canonical request the service expected, which holds the session token.
            Assert.DoesNotContain(EmulatorWireClients.SessionToken, error.ToString());
            Assert.DoesNotContain(EmulatorWireClients.SessionToken, error.Message);
            if (code == "InvalidSignatureException") Assert.Contains("x-amz-security-token:<redacted>", error.Message);
            Assert.All(calls, c => Assert.DoesNotContain(wrongSecret, c.ToString()));
        }

        [Theory]
        [InlineData("monitoring", "InvalidClientTokenId", 403)]
        [InlineData("logs", "UnrecognizedClientException", 400)]
        [InlineData("events", "UnrecognizedClientException", 400)]
        [InlineData("sagemaker", "UnrecognizedClientException", 400)]
        [InlineData("s3", "InvalidAccessKeyId", 403)]
        public async Task An_unknown_key_is_refused_until_the_key_pair_is_added(string service, string code, int status)
        {
            await ResetWithBucket();
            const string accessKey = "AKIAWIREEMULATORTEST";
            const string secret = "wire/EMULATOR+secret/0123456789abcdefABCDEF";
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, secret: secret, maxAttempts: 1, accessKey: accessKey);
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(Call(factory, service));
            Assert.Equal(code, error.ErrorCode);
            Assert.Equal(status, error.StatusCode);

            await _emulator.PostControlAsync("keys", new JsonObject { ["accessKeyId"] = accessKey, ["secretAccessKey"] = secret });
            await Call(factory, service)();
        }

        [Fact]
        public async Task Signed_calls_with_a_session_token_are_accepted_by_every_service()
        {
            await ResetWithBucket();
            var calls = new List<AwsCallRecord>();
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator, calls);
            foreach (string service in Operations.Keys) await Call(factory, service)();
            using (var content = new MemoryStream(new byte[] { 1, 2, 3 }))
            {
                await factory.CreateObjectStore().PutObjectAsync("wire-faults", "signed", content, CancellationToken.None);
            }
            Assert.Equal(6, calls.Count);
            Assert.All(calls, c =>
            {
                Assert.Equal(200, c.StatusCode);
                Assert.Equal("us-east-1", c.Region);
                Assert.Equal(0, c.Retries);
                Assert.False(string.IsNullOrEmpty(c.RequestId));
                Assert.DoesNotContain(EmulatorWireClients.SessionToken, c.ToString());
                Assert.DoesNotContain(EmulatorWireClients.SecretKey, c.ToString());
            });
        }
    }
}
