using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Events
{
    /// <summary>PutTargets refuses what EventBridge refuses: malformed target ARNs (the whole call) and a sixth target on a rule.</summary>
    public class EventsServiceTargetValidationTests
    {
        private readonly EventsService _service = new EventsService(new EmulatorContext(new EmulatorClock()));

        public EventsServiceTargetValidationTests()
        {
            Call("PutRule", "{\"Name\":\"r\",\"EventPattern\":\"{\\\"source\\\":[\\\"aws.sagemaker\\\"]}\"}");
        }

        private JsonNode? Call(string op, string json) => _service.Handle(op, JsonNode.Parse(json)!.AsObject());

        private int TargetCount() => Call("ListTargetsByRule", "{\"Rule\":\"r\"}")!["Targets"]!.AsArray().Count;

        [Theory]
        [InlineData("not-an-arn")]
        [InlineData("arn:aws:sns")]
        [InlineData("arn:aws:sns:us-east-1:12345:topic")]
        [InlineData("arn:nope:sns:us-east-1:123456789012:topic")]
        [InlineData("arn:aws:sns:us-east-1:123456789012:")]
        public void A_malformed_target_arn_refuses_the_whole_call_and_stores_nothing(string arn)
        {
            var e = Assert.Throws<AwsErrorException>(() => Call("PutTargets",
                "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"ok\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:alerts\"},{\"Id\":\"bad\",\"Arn\":\"" + arn + "\"}]}"));
            Assert.Equal("ValidationException", e.Code);
            Assert.Contains(arn, e.Message);
            Assert.Equal(0, TargetCount());
        }

        [Theory]
        [InlineData("arn:aws:sns:us-east-1:123456789012:alerts")]
        [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f")]
        [InlineData("arn:aws:s3:::bucket-name")]
        [InlineData("arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q")]
        [InlineData("arn:aws:events:us-east-1:123456789012:event-bus/default")]
        public void Well_formed_target_arns_are_accepted(string arn)
        {
            var result = Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t\",\"Arn\":\"" + arn + "\"}]}")!;
            Assert.Equal(0, result["FailedEntryCount"]!.GetValue<int>());
            Assert.Equal(1, TargetCount());
        }

        [Fact]
        public void A_sixth_target_is_LimitExceeded_and_nothing_of_that_call_is_stored()
        {
            for (var i = 1; i <= 4; i++) Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t" + i + "\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:t" + i + "\"}]}");
            var e = Assert.Throws<AwsErrorException>(() => Call("PutTargets",
                "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t5\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:t5\"},{\"Id\":\"t6\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:t6\"}]}"));
            Assert.Equal("LimitExceededException", e.Code);
            Assert.Equal(4, TargetCount());
            // Replacing an existing target does not count against the limit.
            Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t5\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:t5\"}]}");
            Call("PutTargets", "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"t1\",\"Arn\":\"arn:aws:sns:us-east-1:123456789012:other\"}]}");
            Assert.Equal(5, TargetCount());
        }
    }
}
