using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public sealed class EventBridgeClientMotoTests : IClassFixture<MotoServer>
    {
        private readonly MotoServer _moto;

        public EventBridgeClientMotoTests(MotoServer moto)
        {
            _moto = moto;
        }

        [MotoFact]
        public async Task Rule_lifecycle_with_targets_and_tags_round_trips()
        {
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            IEventBridgeClient events = factory.CreateEventBridge();
            string name = "smm-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            const string pattern = "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"]}";

            string arn = await events.PutRuleAsync(new PutRuleRequest
            {
                Name = name,
                EventPattern = pattern,
                State = "ENABLED",
                Description = "training jobs",
                Tags = new Dictionary<string, string> { ["owner"] = "wire" },
            }, CancellationToken.None);
            Assert.EndsWith(":rule/" + name, arn);

            RuleInfo rule = await events.DescribeRuleAsync(name, null, CancellationToken.None);
            Assert.Equal(name, rule.Name);
            Assert.Equal(arn, rule.Arn);
            Assert.Equal("ENABLED", rule.State);
            Assert.Equal("training jobs", rule.Description);
            Assert.Equal("default", rule.EventBusName);
            Assert.Contains("aws.sagemaker", rule.EventPattern);

            await events.DisableRuleAsync(name, null, CancellationToken.None);
            Assert.Equal("DISABLED", (await events.DescribeRuleAsync(name, null, CancellationToken.None)).State);
            await events.EnableRuleAsync(name, null, CancellationToken.None);

            RulePage rules = await events.ListRulesAsync(name, null, null, 10, CancellationToken.None);
            Assert.Equal(name, Assert.Single(rules.Rules).Name);

            TargetChangeResult put = await events.PutTargetsAsync(name, null, new[]
            {
                new RuleTarget { Id = "sns", Arn = "arn:aws:sns:us-east-1:123456789012:alerts", Input = "{\"a\":1}" },
                new RuleTarget
                {
                    Id = "logs",
                    Arn = "arn:aws:logs:us-east-1:123456789012:log-group:/smm/events",
                    InputTransformer = new InputTransformer
                    {
                        InputPathsMap = new Dictionary<string, string> { ["job"] = "$.detail.TrainingJobName" },
                        InputTemplate = "\"<job> changed\"",
                    },
                },
            }, CancellationToken.None);
            Assert.Equal(0, put.FailedEntryCount);

            TargetPage targets = await events.ListTargetsByRuleAsync(name, null, null, null, CancellationToken.None);
            Assert.Equal(new[] { "logs", "sns" }, targets.Targets.Select(t => t.Id).OrderBy(id => id));
            RuleTarget transformed = targets.Targets.Single(t => t.Id == "logs");
            Assert.Equal("$.detail.TrainingJobName", transformed.InputTransformer!.InputPathsMap["job"]);
            Assert.Equal("\"<job> changed\"", transformed.InputTransformer.InputTemplate);
            Assert.Equal("{\"a\":1}", targets.Targets.Single(t => t.Id == "sns").Input);

            await events.TagResourceAsync(arn, new Dictionary<string, string> { ["team"] = "ml" }, CancellationToken.None);
            IReadOnlyDictionary<string, string> tags = await events.ListTagsForResourceAsync(arn, CancellationToken.None);
            Assert.Equal("wire", tags["owner"]);
            Assert.Equal("ml", tags["team"]);

            TargetChangeResult removed = await events.RemoveTargetsAsync(name, null, new[] { "sns", "logs" }, false, CancellationToken.None);
            Assert.Equal(0, removed.FailedEntryCount);
            await events.DeleteRuleAsync(name, null, false, CancellationToken.None);

            AwsServiceException gone = await Assert.ThrowsAsync<AwsServiceException>(() => events.DescribeRuleAsync(name, null, CancellationToken.None));
            Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
            Assert.Equal("EventBridge", gone.Service);
        }
    }
}
