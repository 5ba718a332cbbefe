using System;
using System.Collections.Generic;
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
    /// <summary>
    /// Through the wire against the emulator: a hard service limit (EventBridge's five targets per rule, answered with
    /// LimitExceededException as the EventBridge quotas page documents) fails on its first answer instead of being
    /// retried as throttling; a call that stays throttled reports each attempt and warns once.
    /// </summary>
    public sealed class ThrottlingAndLimitWireTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ThrottlingAndLimitWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private AwsClientFactory Create(List<AwsAttemptNotice> notices, int? maxAttempts = null, TimeSpan? warnAfter = null) =>
            new AwsClientFactory(new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = _emulator.Url,
                Credentials = new BasicAWSCredentials(EmulatorWireClients.AccessKey, EmulatorWireClients.SecretKey),
                AttemptNotice = n => { lock (notices) notices.Add(n); },
                MaxAttempts = maxAttempts,
                ThrottlingWarningAfter = warnAfter,
            });

        private async Task<int> Count(string key)
        {
            JsonNode? requests = await _emulator.GetControlAsync("requests");
            return (int?)requests!["operations"]![key] ?? 0;
        }

        [Fact]
        public async Task A_rules_sixth_target_fails_on_the_first_answer()
        {
            await _emulator.ResetAsync("empty");
            var notices = new List<AwsAttemptNotice>();
            using var factory = Create(notices, maxAttempts: 8);
            var events = factory.CreateEventBridge();
            await events.PutRuleAsync(new PutRuleRequest { Name = "limit-probe", EventPattern = "{\"source\":[\"aws.sagemaker\"]}" }, CancellationToken.None);
            var five = Enumerable.Range(1, 5).Select(i => new RuleTarget { Id = "t" + i, Arn = "arn:aws:sns:us-east-1:123456789012:t" + i }).ToList();
            await events.PutTargetsAsync("limit-probe", null, five, CancellationToken.None);
            var before = await Count("events.PutTargets");

            var error = await Assert.ThrowsAsync<AwsServiceException>(() => events.PutTargetsAsync("limit-probe", null,
                new[] { new RuleTarget { Id = "t6", Arn = "arn:aws:sns:us-east-1:123456789012:t6" } }, CancellationToken.None));

            Assert.Equal("LimitExceededException", error.ErrorCode);
            Assert.Equal(AwsErrorKind.LimitExceeded, error.Kind);
            Assert.Equal(1, await Count("events.PutTargets") - before);
            Assert.Single(notices, n => !n.IsWarning);
            Assert.DoesNotContain(notices, n => n.IsWarning);
        }

        [Fact]
        public async Task A_call_that_stays_throttled_reports_each_attempt_and_warns_once()
        {
            await _emulator.ResetAsync("demo");
            await _emulator.PostControlAsync("faults", JsonNode.Parse(
                "{\"seed\":1,\"rules\":[{\"service\":\"events\",\"operation\":\"ListRules\",\"throttleRate\":1.0}]}"));
            try
            {
                var notices = new List<AwsAttemptNotice>();
                using var factory = Create(notices, maxAttempts: 3, warnAfter: TimeSpan.Zero);
                var error = await Assert.ThrowsAsync<AwsServiceException>(() => factory.CreateEventBridge().ListRulesAsync("demo-", null, null, null, CancellationToken.None));

                Assert.Equal(AwsErrorKind.Throttling, error.Kind);
                Assert.Equal(3, await Count("events.ListRules"));
                var attempts = notices.Where(n => !n.IsWarning).ToList();
                Assert.Equal(new[] { 1, 2, 3 }, attempts.Select(n => n.Attempt));
                Assert.All(attempts, n => Assert.Contains("(throttled)", n.Text));
                var warning = Assert.Single(notices, n => n.IsWarning);
                Assert.Equal("ListRules", warning.Operation);
                Assert.Contains("EventBridge ListRules", warning.Text);
                Assert.Contains("Still retrying", warning.Text);
            }
            finally
            {
                await _emulator.PostControlAsync("faults", JsonNode.Parse("{\"rules\":[]}"));
            }
        }

        [Fact]
        public async Task S3_that_keeps_answering_SlowDown_warns_once_too()
        {
            await _emulator.ResetAsync("empty");
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "throttle-watch" });
            await _emulator.PostControlAsync("faults", JsonNode.Parse(
                "{\"seed\":1,\"rules\":[{\"service\":\"s3\",\"operation\":\"ListObjectsV2\",\"throttleRate\":1.0}]}"));
            try
            {
                var notices = new List<AwsAttemptNotice>();
                using var factory = Create(notices, maxAttempts: 3, warnAfter: TimeSpan.Zero);
                var error = await Assert.ThrowsAsync<AwsServiceException>(() => factory.CreateObjectStore().ListObjectsAsync("throttle-watch", null, null, CancellationToken.None));
                Assert.Equal(AwsErrorKind.Throttling, error.Kind);
                Assert.Equal(3, notices.Count(n => !n.IsWarning));
                var warning = Assert.Single(notices, n => n.IsWarning);
                Assert.Contains("S3 ListObjectsV2", warning.Text);
            }
            finally
            {
                await _emulator.PostControlAsync("faults", JsonNode.Parse("{\"rules\":[]}"));
            }
        }

        [Fact]
        public async Task Under_the_default_threshold_a_short_throttled_call_does_not_warn()
        {
            await _emulator.ResetAsync("demo");
            await _emulator.PostControlAsync("faults", JsonNode.Parse(
                "{\"seed\":1,\"rules\":[{\"service\":\"events\",\"operation\":\"ListRules\",\"throttleRate\":1.0}]}"));
            try
            {
                var notices = new List<AwsAttemptNotice>();
                using var factory = Create(notices, maxAttempts: 2, warnAfter: TimeSpan.FromSeconds(10));
                await Assert.ThrowsAsync<AwsServiceException>(() => factory.CreateEventBridge().ListRulesAsync("demo-", null, null, null, CancellationToken.None));
                Assert.Equal(2, notices.Count(n => !n.IsWarning));
                Assert.DoesNotContain(notices, n => n.IsWarning);
            }
            finally
            {
                await _emulator.PostControlAsync("faults", JsonNode.Parse("{\"rules\":[]}"));
            }
        }
    }
}
