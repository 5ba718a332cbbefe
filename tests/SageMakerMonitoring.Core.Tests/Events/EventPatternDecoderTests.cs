using System.Collections;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    public class EventPatternDecoderTests
    {
        [Theory]
        [InlineData("{\"source\":[\"aws.sagemaker\"]}", true)]
        [InlineData("{\"source\":[\"aws.ec2\",\"aws.sagemaker\"]}", true)]
        [InlineData("{\"source\":[{\"prefix\":\"aws.sage\"}]}", true)]
        [InlineData("{\"source\":[{\"anything-but\":\"aws.sagemaker\"}]}", false)]
        [InlineData("{\"source\":[\"aws.ec2\"],\"detail-type\":[\"SageMaker Training Job State Change\"]}", false)]
        [InlineData("{\"detail-type\":[\"SageMaker Endpoint State Change\"]}", true)]
        [InlineData("{\"detail-type\":[\"EC2 Instance State-change Notification\"]}", false)]
        [InlineData("{\"$or\":[{\"source\":[\"aws.ec2\"]},{\"source\":[\"aws.sagemaker\"]}]}", true)]
        [InlineData("not json", false)]
        [InlineData(null, false)]
        public void Selects_sagemaker(string? pattern, bool expected) => Assert.Equal(expected, EventPatternDecoder.SelectsSageMaker(pattern));

        [Fact]
        public void Event_types_and_detail_types_come_from_the_top_level_and_or_branches()
        {
            const string p = "{\"source\":[\"aws.sagemaker\"],\"$or\":[{\"detail-type\":[\"SageMaker Training Job State Change\"]},"
                + "{\"detail-type\":[\"SageMaker Endpoint Deployment State Change\",\"Something Else\"]}]}";
            Assert.Equal(new[] { "SageMaker Training Job State Change", "SageMaker Endpoint Deployment State Change", "Something Else" }, EventPatternDecoder.DetailTypes(p));
            Assert.Equal(new[] { "TrainingJobStateChange", "EndpointDeploymentStateChange" }, EventPatternDecoder.EventTypes(p));
        }

        [Fact]
        public void Decodes_to_dictionaries_arrays_and_numbers()
        {
            var decoded = Assert.IsType<Dictionary<string, object?>>(EventPatternDecoder.Decode("{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":[{\"numeric\":[\">\",0]}]}}"));
            Assert.Equal(new object?[] { 1L, 2.5, "x", null, true }, (object?[])decoded["a"]!);
            var b = Assert.IsType<Dictionary<string, object?>>(decoded["b"]);
            Assert.Single((object?[])b["c"]!);
        }

        [Fact]
        public void Writes_plain_values_as_json()
        {
            var table = new Hashtable { ["source"] = new object[] { "aws.sagemaker" } };
            Assert.Equal("{\"source\":[\"aws.sagemaker\"]}", EventJsonWriter.Write(table));
            var nested = new SortedDictionary<string, object?>
            {
                ["a"] = 3, ["b"] = 2.5, ["c"] = true, ["d"] = null, ["e"] = new List<object> { "x", 4L },
                ["f"] = new System.DateTime(2026, 11, 28, 10, 0, 0, System.DateTimeKind.Utc), ["g"] = 5.0,
            };
            Assert.Equal("{\"a\":3,\"b\":2.5,\"c\":true,\"d\":null,\"e\":[\"x\",4],\"f\":\"2026-11-28T10:00:00Z\",\"g\":5}", EventJsonWriter.Write(nested));
            // Round trip through the engine: a hashtable pattern compiles.
            Assert.True(EventPattern.Parse(EventJsonWriter.Write(table)).Matches("{\"source\":\"aws.sagemaker\"}"));
        }

        [Theory]
        [InlineData("sm-*", "sm-1", true)]
        [InlineData("sm-*", "SM-1", false)]
        [InlineData("sm-?", "sm-12", false)]
        [InlineData("*failed", "demo-training-failed", true)]
        [InlineData("demo.x", "demoax", false)]
        [InlineData("exact", "exact", true)]
        public void Rule_name_filters(string filter, string name, bool expected)
        {
            var f = new RuleNameFilter(filter);
            Assert.Equal(expected, f.IsMatch(name));
        }

        [Fact]
        public void Rule_name_filter_prefix_is_the_text_before_the_first_wildcard()
        {
            Assert.Equal("sm-", new RuleNameFilter("sm-*x").Prefix);
            Assert.Equal("", new RuleNameFilter("*x").Prefix);
            Assert.False(new RuleNameFilter("abc").HasWildcard);
        }

        [Theory]
        [InlineData("arn:aws:sns:us-east-1:123456789012:ml-oncall", "ml-oncall")]
        [InlineData("arn:aws:lambda:us-east-1:123456789012:function:record-deployments", "record-deployments")]
        [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:My Machine", "My-Machine")]
        [InlineData("arn:aws:sqs:us-east-1:123456789012:queue/", "queue")]
        public void Target_ids_from_arns(string arn, string id) => Assert.Equal(id, EventRuleService.TargetIdFromArn(arn));
    }
}
