using System;
using System.Collections.Generic;
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
    /// The EventBridge wire client against the project's emulator over HTTP: the rule lifecycle, targets (including
    /// partial failures), tags, ListRules paging, custom buses and TestEventPattern (which moto answers with nothing).
    /// </summary>
    public sealed class EmulatorEventBridgeWireTests : IClassFixture<EmulatorFixture>
    {
        private const string TrainingFailedPattern =
            "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"],\"detail\":{\"TrainingJobStatus\":[\"Failed\"]}}";
        private readonly EmulatorFixture _emulator;

        public EmulatorEventBridgeWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static string TrainingEvent(string status) =>
            "{\"version\":\"0\",\"id\":\"6a7e8feb-b491-4cf7-a9f1-bf3703467718\",\"detail-type\":\"SageMaker Training Job State Change\"," +
            "\"source\":\"aws.sagemaker\",\"account\":\"123456789012\",\"time\":\"2026-11-28T10:00:00Z\",\"region\":\"us-east-1\"," +
            "\"resources\":[\"arn:aws:sagemaker:us-east-1:123456789012:training-job/demo-train-resnet50\"]," +
            "\"detail\":{\"TrainingJobName\":\"demo-train-resnet50\",\"TrainingJobStatus\":\"" + status + "\"}}";

        [Fact]
        public async Task A_rule_round_trips_through_its_whole_lifecycle()
        {
            await _emulator.ResetAsync("empty");
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            IEventBridgeClient client = factory.CreateEventBridge();

            string arn = await client.PutRuleAsync(new PutRuleRequest
            {
                Name = "wire-training-failed",
                EventPattern = TrainingFailedPattern,
                State = "DISABLED",
                Description = "wire test rule",
                Tags = new Dictionary<string, string> { ["team"] = "ml-platform" },
            }, CancellationToken.None);
            Assert.Matches("^arn:aws:events:us-east-1:[0-9]{12}:rule/wire-training-failed$", arn);

            RuleInfo rule = await client.DescribeRuleAsync("wire-training-failed", null, CancellationToken.None);
            Assert.Equal("wire-training-failed", rule.Name);
            Assert.Equal(arn, rule.Arn);
            Assert.Equal("DISABLED", rule.State);
            Assert.Equal("wire test rule", rule.Description);
            Assert.Equal("default", rule.EventBusName);
            Assert.Equal(JsonNode.Parse(TrainingFailedPattern)!.ToJsonString(), JsonNode.Parse(rule.EventPattern!)!.ToJsonString());
            Assert.False(string.IsNullOrEmpty(rule.CreatedBy));

            await client.EnableRuleAsync("wire-training-failed", null, CancellationToken.None);
            Assert.Equal("ENABLED", (await client.DescribeRuleAsync("wire-training-failed", null, CancellationToken.None)).State);
            await client.DisableRuleAsync("wire-training-failed", null, CancellationToken.None);
            Assert.Equal("DISABLED", (await client.DescribeRuleAsync("wire-training-failed", null, CancellationToken.None)).State);

            await client.TagResourceAsync(arn, new Dictionary<string, string> { ["owner"] = "oncall", ["team"] = "ml-ops" }, CancellationToken.None);
            IReadOnlyDictionary<string, string> tags = await client.ListTagsForResourceAsync(arn, CancellationToken.None);
            Assert.Equal(2, tags.Count);
            Assert.Equal("oncall", tags["owner"]);
            Assert.Equal("ml-ops", tags["team"]);

            TargetChangeResult put = await client.PutTargetsAsync("wire-training-failed", null, new[]
            {
                new RuleTarget { Id = "notify", Arn = "arn:aws:sns:us-east-1:123456789012:ml-oncall", Input = "{\"severity\":\"high\"}" },
                new RuleTarget
                {
                    Id = "record",
                    Arn = "arn:aws:lambda:us-east-1:123456789012:function:record",
                    InputTransformer = new InputTransformer
                    {
                        InputPathsMap = new Dictionary<string, string> { ["job"] = "$.detail.TrainingJobName" },
                        InputTemplate = "{\"job\": <job>}",
                    },
                },
                new RuleTarget { Id = "queue", Arn = "arn:aws:sqs:us-east-1:123456789012:events", InputPath = "$.detail" },
            }, CancellationToken.None);
            Assert.Equal(0, put.FailedEntryCount);
            Assert.Empty(put.FailedEntries);

            TargetPage targets = await client.ListTargetsByRuleAsync("wire-training-failed", null, null, null, CancellationToken.None);
            Assert.Equal(new[] { "notify", "record", "queue" }, targets.Targets.Select(t => t.Id));
            Assert.Equal("{\"severity\":\"high\"}", targets.Targets[0].Input);
            Assert.Equal("$.detail.TrainingJobName", targets.Targets[1].InputTransformer!.InputPathsMap["job"]);
            Assert.Equal("{\"job\": <job>}", targets.Targets[1].InputTransformer!.InputTemplate);
            Assert.Equal("$.detail", targets.Targets[2].InputPath);

            TargetPage firstTwo = await client.ListTargetsByRuleAsync("wire-training-failed", null, null, 2, CancellationToken.None);
            Assert.Equal(2, firstTwo.Targets.Count);
            Assert.NotNull(firstTwo.NextToken);
            TargetPage rest = await client.ListTargetsByRuleAsync("wire-training-failed", null, firstTwo.NextToken, 2, CancellationToken.None);
            Assert.Equal("queue", Assert.Single(rest.Targets).Id);
            Assert.Null(rest.NextToken);

            AwsServiceException hasTargets = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.DeleteRuleAsync("wire-training-failed", null, false, CancellationToken.None));
            Assert.Equal("ValidationException", hasTargets.ErrorCode);

            TargetChangeResult removed = await client.RemoveTargetsAsync("wire-training-failed", null, new[] { "notify", "record", "queue" }, false, CancellationToken.None);
            Assert.Equal(0, removed.FailedEntryCount);
            Assert.Empty((await client.ListTargetsByRuleAsync("wire-training-failed", null, null, null, CancellationToken.None)).Targets);

            await client.DeleteRuleAsync("wire-training-failed", null, false, CancellationToken.None);
            AwsServiceException gone = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.DescribeRuleAsync("wire-training-failed", null, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
            Assert.Equal(400, gone.StatusCode);
            Assert.Equal("EventBridge", gone.Service);
            Assert.Equal("DescribeRule", gone.Operation);
        }

        [Fact]
        public async Task ListRules_filters_by_prefix_and_pages_and_keeps_buses_apart()
        {
            await _emulator.ResetAsync("demo");
            await _emulator.PostControlAsync("events/createEventBus", JsonNode.Parse("{\"name\":\"ml-bus\"}"));
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            IEventBridgeClient client = factory.CreateEventBridge();
            for (int i = 1; i <= 5; i++)
            {
                await client.PutRuleAsync(new PutRuleRequest { Name = "wire-page-" + i, ScheduleExpression = "rate(" + i + " minutes)" }, CancellationToken.None);
            }
            string busArn = await client.PutRuleAsync(new PutRuleRequest { Name = "wire-page-on-bus", EventBusName = "ml-bus", EventPattern = TrainingFailedPattern }, CancellationToken.None);
            Assert.Contains("rule/ml-bus/wire-page-on-bus", busArn);

            var names = new List<string>();
            string? token = null;
            int pages = 0;
            do
            {
                RulePage page = await client.ListRulesAsync("wire-page-", null, token, 2, CancellationToken.None);
                Assert.InRange(page.Rules.Count, 1, 2);
                names.AddRange(page.Rules.Select(r => r.Name));
                token = page.NextToken;
                pages++;
            }
            while (token != null && pages < 10);
            Assert.Equal(3, pages);
            Assert.Equal(Enumerable.Range(1, 5).Select(i => "wire-page-" + i), names);

            RulePage onBus = await client.ListRulesAsync("wire-page-", "ml-bus", null, null, CancellationToken.None);
            RuleInfo busRule = Assert.Single(onBus.Rules);
            Assert.Equal("wire-page-on-bus", busRule.Name);
            Assert.Equal("ml-bus", busRule.EventBusName);

            RulePage demo = await client.ListRulesAsync("demo-", null, null, null, CancellationToken.None);
            Assert.Equal(new[] { "demo-endpoint-changes", "demo-training-failed" }, demo.Rules.Select(r => r.Name));
            Assert.Equal(new[] { "DISABLED", "ENABLED" }, demo.Rules.Select(r => r.State));

            AwsServiceException noBus = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.ListRulesAsync(null, "no-such-bus", null, null, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", noBus.ErrorCode);
        }

        [Fact]
        public async Task PutTargets_reports_partial_failures_in_FailedEntries()
        {
            await _emulator.ResetAsync("demo");
            await _emulator.PostControlAsync("events/failTargets", JsonNode.Parse(
                "{\"ids\":[\"t2\"],\"errorCode\":\"ConcurrentModificationException\",\"mode\":\"once\"}"));
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            IEventBridgeClient client = factory.CreateEventBridge();
            var targets = new[]
            {
                new RuleTarget { Id = "t1", Arn = "arn:aws:sns:us-east-1:123456789012:a" },
                new RuleTarget { Id = "t2", Arn = "arn:aws:sns:us-east-1:123456789012:b" },
            };

            TargetChangeResult first = await client.PutTargetsAsync("demo-training-failed", null, targets, CancellationToken.None);
            Assert.Equal(1, first.FailedEntryCount);
            TargetFailure failure = Assert.Single(first.FailedEntries);
            Assert.Equal("t2", failure.TargetId);
            Assert.Equal("ConcurrentModificationException", failure.ErrorCode);
            Assert.False(string.IsNullOrEmpty(failure.ErrorMessage));
            Assert.Equal(new[] { "notify-oncall", "t1" },
                (await client.ListTargetsByRuleAsync("demo-training-failed", null, null, null, CancellationToken.None)).Targets.Select(t => t.Id));

            // "once": the retry of the failed entry goes through.
            TargetChangeResult retry = await client.PutTargetsAsync("demo-training-failed", null, new[] { targets[1] }, CancellationToken.None);
            Assert.Equal(0, retry.FailedEntryCount);
            Assert.Equal(new[] { "notify-oncall", "t1", "t2" },
                (await client.ListTargetsByRuleAsync("demo-training-failed", null, null, null, CancellationToken.None)).Targets.Select(t => t.Id));

            await _emulator.PostControlAsync("events/failTargets", JsonNode.Parse("{\"ids\":[\"t1\"],\"errorCode\":\"InternalException\"}"));
            TargetChangeResult remove = await client.RemoveTargetsAsync("demo-training-failed", null, new[] { "t1", "t2" }, false, CancellationToken.None);
            Assert.Equal(1, remove.FailedEntryCount);
            Assert.Equal(("t1", "InternalException"), (remove.FailedEntries[0].TargetId, remove.FailedEntries[0].ErrorCode));

            AwsServiceException unknownRule = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.PutTargetsAsync("no-such-rule", null, targets, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", unknownRule.ErrorCode);
            AwsServiceException unknownEnable = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.EnableRuleAsync("no-such-rule", null, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", unknownEnable.ErrorCode);
        }

        [Fact]
        public async Task TestEventPattern_evaluates_the_pattern_and_rejects_invalid_input()
        {
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            IEventBridgeClient client = factory.CreateEventBridge();

            Assert.True(await client.TestEventPatternAsync(TrainingFailedPattern, TrainingEvent("Failed"), CancellationToken.None));
            Assert.False(await client.TestEventPatternAsync(TrainingFailedPattern, TrainingEvent("Completed"), CancellationToken.None));
            Assert.True(await client.TestEventPatternAsync(
                "{\"detail\":{\"TrainingJobName\":[{\"prefix\":\"demo-\"}],\"TrainingJobStatus\":[{\"anything-but\":[\"InProgress\"]}]}}",
                TrainingEvent("Stopped"), CancellationToken.None));

            AwsServiceException badPattern = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.TestEventPatternAsync("{\"source\":\"aws.sagemaker\"}", TrainingEvent("Failed"), CancellationToken.None));
            Assert.Equal("InvalidEventPatternException", badPattern.ErrorCode);
            AwsServiceException badEvent = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.TestEventPatternAsync(TrainingFailedPattern, "{\"source\":\"aws.sagemaker\"}", CancellationToken.None));
            Assert.Equal("ValidationException", badEvent.ErrorCode);
            Assert.Contains("missing required field", badEvent.Message);
        }
    }
}
