using System;
using System.Linq;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Events
{
    public class EventsServiceTests
    {
        private const string FailedPattern = "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"],\"detail\":{\"TrainingJobStatus\":[\"Failed\"]}}";

        private readonly EventsService _service = new EventsService(new EmulatorContext(new EmulatorClock()));

        private JsonNode? Call(string op, string json) => _service.Handle(op, JsonNode.Parse(json)!.AsObject());

        private AwsErrorException Error(string op, string json) => Assert.Throws<AwsErrorException>(() => Call(op, json));

        [Fact]
        public void Put_describe_list_delete_rule()
        {
            var put = Call("PutRule", "{\"Name\":\"r1\",\"EventPattern\":" + Q(FailedPattern) + ",\"Description\":\"d\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}]}")!;
            Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/r1", put["RuleArn"]!.GetValue<string>());
            var described = Call("DescribeRule", "{\"Name\":\"r1\"}")!;
            Assert.Equal(FailedPattern, described["EventPattern"]!.GetValue<string>());
            Assert.Equal("ENABLED", described["State"]!.GetValue<string>());
            Assert.Equal("default", described["EventBusName"]!.GetValue<string>());
            Assert.Equal("d", described["Description"]!.GetValue<string>());
            Assert.Equal("123456789012", described["CreatedBy"]!.GetValue<string>());

            // Replace: omitted arguments become null; tags are not touched on update.
            Call("PutRule", "{\"Name\":\"r1\",\"EventPattern\":" + Q(FailedPattern) + ",\"State\":\"DISABLED\",\"Tags\":[{\"Key\":\"other\",\"Value\":\"x\"}]}");
            described = Call("DescribeRule", "{\"Name\":\"r1\"}")!;
            Assert.Null(described["Description"]);
            Assert.Equal("DISABLED", described["State"]!.GetValue<string>());
            var tags = Call("ListTagsForResource", "{\"ResourceARN\":\"arn:aws:events:us-east-1:123456789012:rule/r1\"}")!["Tags"]!.AsArray();
            Assert.Single(tags);
            Assert.Equal("team", tags[0]!["Key"]!.GetValue<string>());

            Call("EnableRule", "{\"Name\":\"r1\"}");
            Assert.Equal("ENABLED", Call("DescribeRule", "{\"Name\":\"r1\"}")!["State"]!.GetValue<string>());

            Call("DeleteRule", "{\"Name\":\"r1\"}");
            var e = Error("DescribeRule", "{\"Name\":\"r1\"}");
            Assert.Equal("ResourceNotFoundException", e.Code);
            Assert.Equal("Rule r1 does not exist on EventBus default.", e.Message);
        }

        [Fact]
        public void PutRule_validates()
        {
            Assert.Equal("ValidationException", Error("PutRule", "{\"Name\":\"r\"}").Code);
            Assert.Equal("ValidationException", Error("PutRule", "{\"Name\":\"bad name\",\"EventPattern\":\"{}\"}").Code);
            var invalid = Error("PutRule", "{\"Name\":\"r\",\"EventPattern\":\"{\\\"source\\\":\\\"aws.sagemaker\\\"}\"}");
            Assert.Equal("InvalidEventPatternException", invalid.Code);
            Assert.Equal("Event pattern is not valid. Reason: \"source\" must be an object or an array", invalid.Message);
            Assert.Equal("ResourceNotFoundException", Error("PutRule", "{\"Name\":\"r\",\"EventPattern\":" + Q(FailedPattern) + ",\"EventBusName\":\"nope\"}").Code);
            Call("PutRule", "{\"Name\":\"sched\",\"ScheduleExpression\":\"rate(5 minutes)\"}");
        }

        [Fact]
        public void Custom_bus_from_control_action()
        {
            Assert.True(_service.TryControl("createEventBus", new JsonObject { ["name"] = "ml-bus" }, out _));
            var arn = Call("PutRule", "{\"Name\":\"r\",\"EventPattern\":" + Q(FailedPattern) + ",\"EventBusName\":\"ml-bus\"}")!["RuleArn"]!.GetValue<string>();
            Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/ml-bus/r", arn);
            Assert.Single(Call("ListRules", "{\"EventBusName\":\"arn:aws:events:us-east-1:123456789012:event-bus/ml-bus\"}")!["Rules"]!.AsArray());
            Assert.Empty(Call("ListRules", "{}")!["Rules"]!.AsArray());
            Assert.Equal("Rule r does not exist on EventBus default.", Error("DescribeRule", "{\"Name\":\"r\"}").Message);
        }

        [Fact]
        public void ListRules_pages_and_filters()
        {
            for (var i = 0; i < 7; i++) Call("PutRule", "{\"Name\":\"sm-" + i + "\",\"EventPattern\":" + Q(FailedPattern) + "}");
            Call("PutRule", "{\"Name\":\"other\",\"EventPattern\":" + Q(FailedPattern) + "}");
            var names = new System.Collections.Generic.List<string>();
            string? token = null;
            var pages = 0;
            do
            {
                var page = Call("ListRules", "{\"NamePrefix\":\"sm-\",\"Limit\":3" + (token == null ? "" : ",\"NextToken\":" + Q(token)) + "}")!;
                names.AddRange(page["Rules"]!.AsArray().Select(r => r!["Name"]!.GetValue<string>()));
                token = page["NextToken"]?.GetValue<string>();
                pages++;
            } while (token != null);
            Assert.Equal(3, pages);
            Assert.Equal(Enumerable.Range(0, 7).Select(i => "sm-" + i), names);
            Assert.Equal("InvalidToken", Error("ListRules", "{\"NextToken\":\"garbage\"}").Code);
            Assert.Equal("ValidationException", Error("ListRules", "{\"Limit\":101}").Code);
        }

        [Fact]
        public void Targets_limits_partial_failures_and_delete_guard()
        {
            Call("PutRule", "{\"Name\":\"r\",\"EventPattern\":" + Q(FailedPattern) + "}");
            var ok = Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t1\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:a\"},{\"Id\":\"t2\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:b\"}]}")!;
            Assert.Equal(0, ok["FailedEntryCount"]!.GetValue<int>());

            var delete = Error("DeleteRule", "{\"Name\":\"r\"}");
            Assert.Equal("ValidationException", delete.Code);
            Assert.Equal("Rule can't be deleted since it has targets.", delete.Message);

            _service.TryControl("failTargets", JsonNode.Parse("{\"ids\":[\"t3\"],\"errorCode\":\"ConcurrentModificationException\"}")!.AsObject(), out _);
            var partial = Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t3\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:c\"},{\"Id\":\"t4\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:d\"}]}")!;
            Assert.Equal(1, partial["FailedEntryCount"]!.GetValue<int>());
            Assert.Equal("t3", partial["FailedEntries"]![0]!["TargetId"]!.GetValue<string>());
            Assert.Equal("ConcurrentModificationException", partial["FailedEntries"]![0]!["ErrorCode"]!.GetValue<string>());
            // "once": the retry succeeds.
            Assert.Equal(0, Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t3\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:c\"}]}")!["FailedEntryCount"]!.GetValue<int>());

            var listed = Call("ListTargetsByRule", "{\"Rule\":\"r\",\"Limit\":2}")!;
            Assert.Equal(new[] { "t1", "t2" }, listed["Targets"]!.AsArray().Select(t => t!["Id"]!.GetValue<string>()));
            var rest = Call("ListTargetsByRule", "{\"Rule\":\"r\",\"NextToken\":" + Q(listed["NextToken"]!.GetValue<string>()) + "}")!;
            Assert.Equal(new[] { "t4", "t3" }, rest["Targets"]!.AsArray().Select(t => t!["Id"]!.GetValue<string>()));
            Assert.Null(rest["NextToken"]);

            // Fifth target fits, a sixth is refused for the whole call.
            Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t5\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:e\"}]}");
            Assert.Equal("LimitExceededException", Error("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t6\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:f\"}]}").Code);
            // Replacing an existing id does not count as a new target.
            Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t5\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:g\"}]}");

            var eleven = string.Join(",", Enumerable.Range(0, 11).Select(i => "{\"Id\":\"x" + i + "\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:x\"}"));
            Assert.Equal("ValidationException", Error("PutTargets", "{\"Rule\":\"r\",\"Targets\":[" + eleven + "]}").Code);
            Assert.Equal("ResourceNotFoundException", Error("PutTargets", "{\"Rule\":\"nope\",\"Targets\":[{\"Id\":\"a\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:x\"}]}").Code);

            _service.TryControl("failTargets", JsonNode.Parse("{\"ids\":[\"t1\"],\"mode\":\"always\"}")!.AsObject(), out _);
            for (var i = 0; i < 2; i++)
            {
                var removed = Call("RemoveTargets", "{\"Rule\":\"r\",\"Ids\":[\"t1\",\"t2\",\"t3\",\"t4\",\"t5\"]}")!;
                Assert.Equal(1, removed["FailedEntryCount"]!.GetValue<int>());
            }
            _service.TryControl("clearTargetFaults", new JsonObject(), out _);
            Call("RemoveTargets", "{\"Rule\":\"r\",\"Ids\":[\"t1\"]}");
            Assert.Empty(Call("ListTargetsByRule", "{\"Rule\":\"r\"}")!["Targets"]!.AsArray());
            Call("DeleteRule", "{\"Name\":\"r\"}");
        }

        [Fact]
        public void TestEventPattern_uses_the_engine_and_checks_the_envelope()
        {
            const string evt = "{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"SageMaker Training Job State Change\",\"source\":\"aws.sagemaker\",\"account\":\"123456789012\",\"time\":\"2026-11-28T10:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"TrainingJobStatus\":\"Failed\"}}";
            Assert.True(Call("TestEventPattern", "{\"EventPattern\":" + Q(FailedPattern) + ",\"Event\":" + Q(evt) + "}")!["Result"]!.GetValue<bool>());
            Assert.False(Call("TestEventPattern", "{\"EventPattern\":" + Q(FailedPattern) + ",\"Event\":" + Q(evt.Replace("Failed", "Completed")) + "}")!["Result"]!.GetValue<bool>());
            var missing = Error("TestEventPattern", "{\"EventPattern\":" + Q(FailedPattern) + ",\"Event\":" + Q("{\"source\":\"aws.sagemaker\"}") + "}");
            Assert.Equal("ValidationException", missing.Code);
            Assert.Contains("id", missing.Message);
            Assert.Equal("InvalidEventPatternException", Error("TestEventPattern", "{\"EventPattern\":\"[]\",\"Event\":" + Q(evt) + "}").Code);
        }

        [Fact]
        public void Demo_seed_has_the_two_rules()
        {
            _service.Seed("demo");
            var rules = Call("ListRules", "{}")!["Rules"]!.AsArray();
            Assert.Equal(new[] { "demo-endpoint-changes", "demo-training-failed" }, rules.Select(r => r!["Name"]!.GetValue<string>()));
            Assert.Equal("DISABLED", rules[0]!["State"]!.GetValue<string>());
            var target = Call("ListTargetsByRule", "{\"Rule\":\"demo-training-failed\"}")!["Targets"]![0]!;
            Assert.Equal("notify-oncall", target["Id"]!.GetValue<string>());
            Assert.Equal("arn:aws:sns:us-east-1:123456789012:ml-oncall", target["Arn"]!.GetValue<string>());
            Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:record-deployments",
                Call("ListTargetsByRule", "{\"Rule\":\"demo-endpoint-changes\"}")!["Targets"]![0]!["Arn"]!.GetValue<string>());
            _service.Reset();
            Assert.Empty(Call("ListRules", "{}")!["Rules"]!.AsArray());
        }

        private static string Q(string s) => System.Text.Json.JsonSerializer.Serialize(s);
    }
}
