using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    /// <summary>The rule service over real HTTP with SigV4 against the emulated EventBridge.</summary>
    public class EventRuleServiceTests : IClassFixture<EmulatorFixture>, IDisposable
    {
        private const string FailedPattern = "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"],\"detail\":{\"TrainingJobStatus\":[\"Failed\"]}}";
        private const string Sns = "arn:aws:sns:us-east-1:123456789012:";

        private readonly EmulatorFixture _fixture;
        private readonly AwsClientFactory _factory;
        private readonly IEventBridgeClient _client;
        private readonly RecordingReporter _reporter = new RecordingReporter();
        private readonly EventRuleService _service;

        public EventRuleServiceTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
            _fixture.ResetAsync("empty").GetAwaiter().GetResult();
            _factory = new AwsClientFactory(new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = fixture.Url,
                Credentials = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            });
            _client = _factory.CreateEventBridge();
            _service = new EventRuleService(_client, _reporter, TimeSpan.FromMilliseconds(5));
        }

        public void Dispose() => (_factory as IDisposable)?.Dispose();

        private static RuleTarget Target(string id) => new RuleTarget { Id = id, Arn = Sns + id };

        private static EventRuleDefinition Rule(string name, string pattern = FailedPattern) => new EventRuleDefinition { Name = name, EventPattern = pattern, Description = "d" };

        private async Task<int> CountAsync(string operation)
        {
            var counts = await _fixture.GetControlAsync("requests");
            return counts!["operations"]![ "events." + operation]?.GetValue<int>() ?? 0;
        }

        private Task FailTargetsAsync(string mode, string code, params string[] ids)
            => _fixture.PostControlAsync("events/failTargets", new JsonObject
            {
                ["ids"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
                ["errorCode"] = code,
                ["mode"] = mode,
            });

        [Fact]
        public async Task Creates_a_rule_with_targets_and_returns_it_decoded()
        {
            var result = await _service.CreateRuleAsync(Rule("r1"), new[] { Target("t1"), Target("t2") }, false, false, CancellationToken.None);

            Assert.True(result.Completed);
            var rule = result.Rule!;
            Assert.Equal("r1", rule.Name);
            Assert.Equal("ENABLED", rule.State);
            Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/r1", rule.Arn);
            Assert.Equal(new[] { "TrainingJobStateChange" }, rule.EventTypes);
            Assert.True(rule.IsSageMakerRule);
            Assert.Equal(new[] { "t1", "t2" }, rule.Targets.Select(t => t.Id));
            var pattern = Assert.IsAssignableFrom<Dictionary<string, object?>>(rule.Pattern);
            Assert.Equal(new object?[] { "aws.sagemaker" }, ((IEnumerable<object?>)pattern["source"]!).ToArray());
            Assert.Contains("exists (ENABLED) with 2 target(s): t1, t2", result.RemainingState);
        }

        [Fact]
        public async Task An_existing_rule_is_an_error_unless_replacing()
        {
            await _service.CreateRuleAsync(Rule("r1"), Array.Empty<RuleTarget>(), false, false, CancellationToken.None);
            var puts = await CountAsync("PutRule");
            var e = await Assert.ThrowsAsync<MonitoringException>(() => _service.CreateRuleAsync(Rule("r1"), Array.Empty<RuleTarget>(), false, false, CancellationToken.None));
            Assert.Equal("EventRuleExists", e.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, e.Kind);
            Assert.Equal(puts, await CountAsync("PutRule"));

            var replaced = await _service.CreateRuleAsync(new EventRuleDefinition { Name = "r1", EventPattern = FailedPattern, Description = "new" },
                Array.Empty<RuleTarget>(), true, false, CancellationToken.None);
            Assert.Equal("new", replaced.Rule!.Description);
        }

        [Fact]
        public async Task An_invalid_pattern_names_the_path_and_sends_nothing()
        {
            var e = await Assert.ThrowsAsync<MonitoringException>(() => _service.CreateRuleAsync(
                Rule("bad", "{\"detail\":{\"TrainingJobStatus\":[{\"prefix\":5}]}}"), Array.Empty<RuleTarget>(), false, false, CancellationToken.None));
            Assert.Equal("InvalidEventPattern", e.ErrorId);
            Assert.Contains("'detail.TrainingJobStatus[0].prefix'", e.Message);
            Assert.Contains("prefix match pattern must be a string", e.Message);
            Assert.Equal(0, await CountAsync("DescribeRule"));
            Assert.Equal(0, await CountAsync("PutRule"));
        }

        [Fact]
        public async Task A_refused_target_rolls_back_the_new_rule()
        {
            await FailTargetsAsync("always", "InternalException", "t2");
            var result = await _service.CreateRuleAsync(Rule("r1"), new[] { Target("t1"), Target("t2") }, false, false, CancellationToken.None);

            Assert.False(result.Completed);
            Assert.True(result.RolledBack);
            Assert.Null(result.Rule);
            var failure = Assert.Single(result.FailedTargets);
            Assert.Equal("t2", failure.TargetId);
            Assert.Equal("InternalException", failure.ErrorCode);
            Assert.Contains("nothing was created", result.RemainingState);
            Assert.Null(await _service.FindRuleAsync("r1", null, CancellationToken.None));
            Assert.Equal(1, await CountAsync("DeleteRule"));
        }

        [Fact]
        public async Task A_refused_target_keeps_the_rule_when_asked()
        {
            await FailTargetsAsync("always", "InternalException", "t2");
            var result = await _service.CreateRuleAsync(Rule("r1"), new[] { Target("t1"), Target("t2") }, false, true, CancellationToken.None);

            Assert.False(result.Completed);
            Assert.False(result.RolledBack);
            Assert.Equal(new[] { "t1" }, result.Rule!.Targets.Select(t => t.Id));
            Assert.Contains("t2 were not added", result.RemainingState);
            Assert.NotNull(await _service.FindRuleAsync("r1", null, CancellationToken.None));
        }

        [Fact]
        public async Task A_refused_target_while_replacing_puts_the_previous_rule_back()
        {
            await _service.CreateRuleAsync(new EventRuleDefinition { Name = "r1", EventPattern = FailedPattern, Description = "old", State = "DISABLED" },
                new[] { Target("keep"), Target("t1") }, false, false, CancellationToken.None);
            await FailTargetsAsync("always", "InternalException", "t3");

            var changed = FailedPattern.Replace("Failed", "Stopped");
            var result = await _service.CreateRuleAsync(new EventRuleDefinition { Name = "r1", EventPattern = changed, Description = "new" },
                new[] { new RuleTarget { Id = "t1", Arn = Sns + "other" }, Target("t2"), Target("t3") }, true, false, CancellationToken.None);

            Assert.True(result.RolledBack);
            var rule = result.Rule!;
            Assert.Equal("old", rule.Description);
            Assert.Equal("DISABLED", rule.State);
            Assert.Equal(FailedPattern, rule.EventPattern);
            Assert.Equal(new[] { "keep", "t1" }, rule.Targets.Select(t => t.Id).OrderBy(x => x));
            Assert.Equal(Sns + "t1", rule.Targets.Single(t => t.Id == "t1").Arn);
            Assert.Contains("put back as it was before", result.RemainingState);
        }

        [Fact]
        public async Task Concurrent_modification_entries_are_retried()
        {
            await _service.CreateRuleAsync(Rule("r1"), Array.Empty<RuleTarget>(), false, false, CancellationToken.None);
            await FailTargetsAsync("once", "ConcurrentModificationException", "t2");
            var outcome = await _service.PutTargetsAsync("r1", null, new[] { Target("t1"), Target("t2") }, CancellationToken.None);
            Assert.True(outcome.AllSucceeded);
            Assert.Equal(new[] { "t1", "t2" }, outcome.Succeeded);
            Assert.Equal(2, await CountAsync("PutTargets"));
            Assert.Contains(_reporter.Verbose, m => m.Contains("ConcurrentModificationException") && m.Contains("retrying"));

            await FailTargetsAsync("always", "ConcurrentModificationException", "t3");
            var stuck = await _service.PutTargetsAsync("r1", null, new[] { Target("t3") }, CancellationToken.None);
            Assert.Equal("t3", Assert.Single(stuck.Failed).TargetId);
            Assert.Equal(2 + 4, await CountAsync("PutTargets"));
        }

        [Fact]
        public async Task Target_changes_go_in_batches_of_ten()
        {
            await _service.CreateRuleAsync(Rule("r1"), new[] { Target("t1") }, false, false, CancellationToken.None);
            var ids = Enumerable.Range(0, 23).Select(i => "x" + i).Concat(new[] { "t1" }).ToList();
            var outcome = await _service.RemoveTargetsAsync("r1", null, ids, CancellationToken.None);
            Assert.Equal(24, outcome.Succeeded.Count);
            Assert.Equal(3, await CountAsync("RemoveTargets"));
            Assert.Empty((await _service.GetRuleAsync("r1", null, true, CancellationToken.None)).Targets);
        }

        [Fact]
        public async Task Removing_a_rule_removes_its_targets_first()
        {
            await _service.CreateRuleAsync(Rule("r1"), new[] { Target("t1"), Target("t2") }, false, false, CancellationToken.None);
            var result = await _service.RemoveRuleAsync("r1", null, CancellationToken.None);
            Assert.True(result.Completed);
            Assert.Contains("and its 2 target(s) were deleted", result.RemainingState);
            Assert.Null(await _service.FindRuleAsync("r1", null, CancellationToken.None));

            var missing = await Assert.ThrowsAsync<MonitoringException>(() => _service.RemoveRuleAsync("r1", null, CancellationToken.None));
            Assert.Equal("EventRuleNotFound", missing.ErrorId);
        }

        [Fact]
        public async Task A_target_that_cannot_be_removed_keeps_the_rule()
        {
            await _service.CreateRuleAsync(Rule("r1"), new[] { Target("t1"), Target("t2") }, false, false, CancellationToken.None);
            await FailTargetsAsync("always", "InternalException", "t2");
            var result = await _service.RemoveRuleAsync("r1", null, CancellationToken.None);
            Assert.False(result.Completed);
            Assert.Equal("t2", Assert.Single(result.FailedTargets).TargetId);
            Assert.Equal(new[] { "t2" }, result.Rule!.Targets.Select(t => t.Id));
            Assert.Contains("was not deleted because target(s) t2 could not be removed (removed: t1)", result.RemainingState);
            Assert.Equal(0, await CountAsync("DeleteRule"));
        }

        [Fact]
        public async Task Updating_keeps_what_was_not_changed()
        {
            await _service.CreateRuleAsync(new EventRuleDefinition { Name = "r1", EventPattern = FailedPattern, Description = "old", State = "DISABLED" },
                new[] { Target("t1") }, false, false, CancellationToken.None);
            var updated = await _service.UpdateRuleAsync(new EventRuleUpdate { Name = "r1", Description = "new" }, CancellationToken.None);
            Assert.Equal("new", updated.Description);
            Assert.Equal("DISABLED", updated.State);
            Assert.Equal(FailedPattern, updated.EventPattern);
            Assert.Single(updated.Targets);

            var enabled = await _service.SetEnabledAsync("r1", null, true, CancellationToken.None);
            Assert.Equal("ENABLED", enabled.State);
            Assert.Equal("new", enabled.Description);

            var e = await Assert.ThrowsAsync<MonitoringException>(() => _service.UpdateRuleAsync(new EventRuleUpdate { Name = "nope", Description = "x" }, CancellationToken.None));
            Assert.Equal("EventRuleNotFound", e.ErrorId);
        }

        [Fact]
        public async Task Lists_sagemaker_rules_across_pages_with_wildcards()
        {
            await _fixture.ResetAsync("demo");
            for (var i = 0; i < 7; i++) await _client.PutRuleAsync(new PutRuleRequest { Name = "sm-" + i, EventPattern = FailedPattern }, CancellationToken.None);
            await _client.PutRuleAsync(new PutRuleRequest { Name = "sm-ec2", EventPattern = "{\"source\":[\"aws.ec2\"]}" }, CancellationToken.None);
            await _client.PutRuleAsync(new PutRuleRequest { Name = "sm-prefixed", EventPattern = "{\"source\":[{\"prefix\":\"aws.sage\"}]}" }, CancellationToken.None);
            await _client.PutRuleAsync(new PutRuleRequest { Name = "nightly", ScheduleExpression = "rate(1 day)" }, CancellationToken.None);
            _service.PageSize = 3;

            var all = new List<EventRule>();
            await foreach (var r in _service.GetRulesAsync(null, false, true, null, CancellationToken.None)) all.Add(r);
            Assert.Equal(new[] { "demo-endpoint-changes", "demo-training-failed", "sm-0", "sm-1", "sm-2", "sm-3", "sm-4", "sm-5", "sm-6", "sm-prefixed" },
                all.Select(r => r.Name));
            Assert.Equal("record-deployments", Assert.Single(all[0].Targets).Id);
            Assert.Equal(new[] { "EndpointStateChange" }, all[0].EventTypes);
            Assert.Equal(4, await CountAsync("ListRules"));

            var everything = new List<EventRule>();
            await foreach (var r in _service.GetRulesAsync(null, true, false, null, CancellationToken.None)) everything.Add(r);
            Assert.Contains(everything, r => r.Name == "sm-ec2");
            Assert.Contains(everything, r => r.Name == "nightly" && r.ScheduleExpression == "rate(1 day)");

            var wildcard = new List<string>();
            await foreach (var r in _service.GetRulesAsync("sm-?", false, false, null, CancellationToken.None)) wildcard.Add(r.Name);
            Assert.Equal(Enumerable.Range(0, 7).Select(i => "sm-" + i), wildcard);

            var exact = new List<EventRule>();
            await foreach (var r in _service.GetRulesAsync("sm-ec2", false, false, null, CancellationToken.None)) exact.Add(r);
            Assert.False(Assert.Single(exact).IsSageMakerRule);
        }

        [Fact]
        public async Task Deployment_rules_warn_about_guardrail_exclusions()
        {
            var pattern = "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Endpoint Deployment State Change\"]}";
            await _service.CreateRuleAsync(Rule("deploy", pattern), Array.Empty<RuleTarget>(), false, false, CancellationToken.None);
            var warning = Assert.Single(_reporter.Warnings);
            foreach (var exclusion in DeploymentGuardrailExclusions.All.Where(x => x.CurrentlyDocumented)) Assert.Contains(exclusion.Feature, warning);

            await _service.CreateRuleAsync(Rule("plain"), Array.Empty<RuleTarget>(), false, false, CancellationToken.None);
            Assert.Single(_reporter.Warnings);
        }

        [Fact]
        public async Task Rules_on_a_custom_bus()
        {
            await _fixture.PostControlAsync("events/createEventBus", new JsonObject { ["name"] = "ml-bus" });
            var created = await _service.CreateRuleAsync(new EventRuleDefinition { Name = "r1", EventBusName = "ml-bus", EventPattern = FailedPattern },
                new[] { Target("t1") }, false, false, CancellationToken.None);
            Assert.Equal("ml-bus", created.Rule!.EventBusName);
            Assert.Equal("ml-bus", created.Rule.Targets.Single().EventBusName);
            Assert.Null(await _service.FindRuleAsync("r1", null, CancellationToken.None));
            Assert.True((await _service.RemoveRuleAsync("r1", "ml-bus", CancellationToken.None)).Completed);
        }

        private sealed class RecordingReporter : IOperationReporter
        {
            public List<string> Verbose { get; } = new List<string>();
            public List<string> Warnings { get; } = new List<string>();

            void IOperationReporter.Verbose(string message)
            {
                lock (Verbose) Verbose.Add(message);
            }

            public void Warning(string message)
            {
                lock (Warnings) Warnings.Add(message);
            }

            public void Progress(ProgressInfo progress)
            {
            }
        }
    }
}
