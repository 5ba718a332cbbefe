using System.Linq;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Events
{
    /// <summary>The real aws CLI (botocore's EventBridge model, SigV4, awsJson 1.1) against the emulator.</summary>
    public class EventBridgeCliTests : IClassFixture<EmulatorFixture>
    {
        private const string Pattern = "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"],\"detail\":{\"TrainingJobStatus\":[\"Failed\",\"Stopped\"]}}";
        private readonly EmulatorFixture _fixture;

        public EventBridgeCliTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
            _fixture.ResetAsync("demo").GetAwaiter().GetResult();
        }

        private Task<AwsCliResult> Events(string operation, params string[] args) => _fixture.AwsAsync("events", operation, args);

        [Fact]
        public async Task Rule_and_target_lifecycle()
        {
            var put = (await Events("put-rule", "--name", "cli-rule", "--event-pattern", Pattern, "--description", "from the cli", "--state", "DISABLED",
                "--tags", "Key=team,Value=ml")).EnsureSuccess().Json!;
            Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/cli-rule", put["RuleArn"]!.GetValue<string>());

            var described = (await Events("describe-rule", "--name", "cli-rule")).EnsureSuccess().Json!;
            Assert.Equal("cli-rule", described["Name"]!.GetValue<string>());
            Assert.Equal(Pattern, described["EventPattern"]!.GetValue<string>());
            Assert.Equal("DISABLED", described["State"]!.GetValue<string>());
            Assert.Equal("from the cli", described["Description"]!.GetValue<string>());
            Assert.Equal("default", described["EventBusName"]!.GetValue<string>());
            Assert.Equal("123456789012", described["CreatedBy"]!.GetValue<string>());

            var targets = (await Events("put-targets", "--rule", "cli-rule", "--targets",
                "[{\"Id\":\"t1\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:ml-oncall\"},"
                + "{\"Id\":\"t2\",\"Arn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"Input\":\"{\\\"a\\\":1}\"}]")).EnsureSuccess().Json!;
            Assert.Equal(0, targets["FailedEntryCount"]!.GetValue<int>());
            Assert.Empty(targets["FailedEntries"]!.AsArray());

            var listed = (await Events("list-targets-by-rule", "--rule", "cli-rule")).EnsureSuccess().Json!["Targets"]!.AsArray();
            Assert.Equal(new[] { "t1", "t2" }, listed.Select(t => t!["Id"]!.GetValue<string>()));
            Assert.Equal("arn:aws:sns:us-east-1:123456789012:ml-oncall", listed[0]!["Arn"]!.GetValue<string>());
            Assert.Equal("{\"a\":1}", listed[1]!["Input"]!.GetValue<string>());

            var refused = await Events("delete-rule", "--name", "cli-rule");
            Assert.False(refused.Succeeded);
            Assert.Equal("ValidationException", refused.ErrorCode);
            Assert.Contains("Rule can't be deleted since it has targets.", refused.Stderr);

            var removed = (await Events("remove-targets", "--rule", "cli-rule", "--ids", "t1", "t2")).EnsureSuccess().Json!;
            Assert.Equal(0, removed["FailedEntryCount"]!.GetValue<int>());
            Assert.Empty((await Events("list-targets-by-rule", "--rule", "cli-rule")).EnsureSuccess().Json!["Targets"]!.AsArray());

            (await Events("delete-rule", "--name", "cli-rule")).EnsureSuccess();
            var gone = await Events("describe-rule", "--name", "cli-rule");
            Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
            Assert.Contains("Rule cli-rule does not exist on EventBus default.", gone.Stderr);
        }

        [Fact]
        public async Task Partial_target_failures_come_back_as_entries()
        {
            (await Events("put-rule", "--name", "partial", "--event-pattern", Pattern)).EnsureSuccess();
            await _fixture.PostControlAsync("events/failTargets", System.Text.Json.Nodes.JsonNode.Parse("{\"ids\":[\"bad\"],\"errorCode\":\"ConcurrentModificationException\"}"));
            var result = (await Events("put-targets", "--rule", "partial", "--targets",
                "Id=good,Arn=arn:aws:sns:us-east-1:123456789012:a", "Id=bad,Arn=arn:aws:sns:us-east-1:123456789012:b")).EnsureSuccess().Json!;
            Assert.Equal(1, result["FailedEntryCount"]!.GetValue<int>());
            var entry = result["FailedEntries"]![0]!;
            Assert.Equal("bad", entry["TargetId"]!.GetValue<string>());
            Assert.Equal("ConcurrentModificationException", entry["ErrorCode"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(entry["ErrorMessage"]!.GetValue<string>()));
        }

        [Fact]
        public async Task List_rules_pages_with_the_cli_paginator_and_filters_by_prefix()
        {
            for (var i = 0; i < 12; i++) (await Events("put-rule", "--name", "page-" + i.ToString("00"), "--event-pattern", Pattern)).EnsureSuccess();

            var firstPage = (await Events("list-rules", "--name-prefix", "page-", "--limit", "5", "--no-paginate")).EnsureSuccess().Json!;
            Assert.Equal(5, firstPage["Rules"]!.AsArray().Count);
            Assert.NotNull(firstPage["NextToken"]);

            var all = (await Events("list-rules", "--name-prefix", "page-", "--page-size", "5")).EnsureSuccess().Json!["Rules"]!.AsArray();
            Assert.Equal(Enumerable.Range(0, 12).Select(i => "page-" + i.ToString("00")), all.Select(r => r!["Name"]!.GetValue<string>()));
            Assert.Equal(Pattern, all[0]!["EventPattern"]!.GetValue<string>());
            Assert.Equal("ENABLED", all[0]!["State"]!.GetValue<string>());

            var demo = (await Events("list-rules", "--name-prefix", "demo-")).EnsureSuccess().Json!["Rules"]!.AsArray();
            Assert.Equal(new[] { "demo-endpoint-changes", "demo-training-failed" }, demo.Select(r => r!["Name"]!.GetValue<string>()));
            Assert.Equal("DISABLED", demo[0]!["State"]!.GetValue<string>());

            var badToken = await Events("list-rules", "--next-token", "garbage");
            Assert.Equal("InvalidToken", badToken.ErrorCode);
        }

        [Fact]
        public async Task Test_event_pattern_agrees_with_the_documented_outcomes()
        {
            var factory = new SageMakerSampleEventFactory();
            var failed = factory.CreateJson("TrainingJobStateChange", "Failed", "nightly-1", new System.DateTime(2026, 11, 28, 10, 0, 0, System.DateTimeKind.Utc));
            var completed = factory.CreateJson("TrainingJobStateChange", "Completed", "nightly-1", new System.DateTime(2026, 11, 28, 10, 0, 0, System.DateTimeKind.Utc));

            var yes = (await Events("test-event-pattern", "--event-pattern", Pattern, "--event", failed)).EnsureSuccess().Json!;
            Assert.True(yes["Result"]!.GetValue<bool>());
            var no = (await Events("test-event-pattern", "--event-pattern", Pattern, "--event", completed)).EnsureSuccess().Json!;
            Assert.False(no["Result"]!.GetValue<bool>());

            var invalid = await Events("test-event-pattern", "--event-pattern", "{\"detail\":{\"x\":[{\"numeric\":[\">\",\"a\"]}]}}", "--event", failed);
            Assert.Equal("InvalidEventPatternException", invalid.ErrorCode);
            Assert.Contains("Event pattern is not valid. Reason: Value of > must be numeric", invalid.Stderr);

            var missing = await Events("test-event-pattern", "--event-pattern", Pattern, "--event", "{\"source\":\"aws.sagemaker\"}");
            Assert.Equal("ValidationException", missing.ErrorCode);
            Assert.Contains("missing required field(s)", missing.Stderr);
        }

        [Fact]
        public async Task Put_rule_refuses_invalid_patterns_and_unknown_buses()
        {
            var invalid = await Events("put-rule", "--name", "bad", "--event-pattern", "{\"source\":\"aws.sagemaker\"}");
            Assert.Equal("InvalidEventPatternException", invalid.ErrorCode);
            Assert.Contains("\"source\" must be an object or an array", invalid.Stderr);

            var bus = await Events("put-rule", "--name", "r", "--event-pattern", Pattern, "--event-bus-name", "nope");
            Assert.Equal("ResourceNotFoundException", bus.ErrorCode);

            var none = await Events("put-rule", "--name", "r");
            Assert.Equal("ValidationException", none.ErrorCode);
        }
    }
}
