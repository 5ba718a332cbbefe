using System.Threading.Tasks;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    /// <summary>
    /// ARNs the emulator takes as input are parsed strictly (arn:partition:service:region:account-id:resource, the format
    /// of the IAM User Guide's "Amazon Resource Names" page): a log group identifier with a ':' must be a log group ARN,
    /// and a tagged resource must be an EventBridge rule ARN; anything else is refused as AWS refuses it.
    /// </summary>
    public sealed class ArnInputTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ArnInputTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Theory]
        // Examples from the IAM User Guide's ARN page and the services' own ARN formats.
        [InlineData("arn:aws:iam::123456789012:user/johndoe")]
        [InlineData("arn:aws:sns:us-east-1:123456789012:example-sns-topic-name")]
        [InlineData("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0e9801d129EXAMPLE")]
        [InlineData("arn:aws:s3:::my-bucket/my-key")]
        [InlineData("arn:aws:iam::aws:policy/AdministratorAccess")]
        [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs:*")]
        [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:record-deployments:1")]
        [InlineData("arn:aws-cn:events:cn-north-1:123456789012:rule/r")]
        [InlineData("arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:training-job/j")]
        public void Well_formed_arns_parse(string text)
        {
            Assert.True(AwsArn.TryParse(text, out AwsArn? arn));
            Assert.Equal(text, arn!.ToString());
        }

        [Theory]
        [InlineData("not-an-arn")]
        [InlineData("")]
        [InlineData("arn:aws:sns")]
        [InlineData("arn:aws:sns:us-east-1:123456789012:")]
        [InlineData("arn:aws:sns:xx-nowhere-9:123456789012:topic")]
        [InlineData("arn:aws:sns:us-east-1:12345:topic")]
        [InlineData("arn:aws:sns:us-east-1:12345678901a:topic")]
        [InlineData("arn:amazon:sns:us-east-1:123456789012:topic")]
        [InlineData("arn:aws:SNS:us-east-1:123456789012:topic")]
        [InlineData("ARN:aws:sns:us-east-1:123456789012:topic")]
        [InlineData("arn:aws::us-east-1:123456789012:topic")]
        [InlineData("arn:aws:sns:us-east-1:123456789012:top\nic")]
        public void Malformed_arns_do_not(string text)
        {
            Assert.False(AwsArn.TryParse(text, out AwsArn? arn));
            Assert.Null(arn);
        }

        [Fact]
        public void A_parsed_arn_names_its_parts()
        {
            Assert.True(AwsArn.TryParse("arn:aws:logs:us-east-1:123456789012:log-group:/a/b:*", out AwsArn? arn));
            Assert.Equal(("aws", "logs", "us-east-1", "123456789012", "log-group:/a/b:*"), (arn!.Partition, arn.Service, arn.Region, arn.Account, arn.Resource));
            Assert.True(AwsArn.IsArnOf("arn:aws:events:us-east-1:123456789012:rule/r", "events"));
            Assert.False(AwsArn.IsArnOf("arn:aws:events:us-east-1:123456789012:rule/r", "logs"));
        }

        [Theory]
        [InlineData("arn:aws:logs:us-east-1:123456789012:nonsense:/aws/sagemaker/TrainingJobs")]
        [InlineData("arn:aws:sns:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs")]
        [InlineData("arn:aws:logs:xx-nowhere-9:123456789012:log-group:/aws/sagemaker/TrainingJobs")]
        [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:")]
        [InlineData("/aws/sagemaker/TrainingJobs:*")]
        public async Task A_log_group_identifier_that_is_not_a_log_group_arn_is_refused(string identifier)
        {
            AwsCliResult result = await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-identifier", identifier, "--limit", "1");
            Assert.Equal("InvalidParameterException", result.ErrorCode);
        }

        [Fact]
        public async Task A_log_group_arn_or_name_is_accepted_as_identifier()
        {
            await _emulator.ResetAsync("demo");
            (await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-identifier",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs:*", "--limit", "1")).EnsureSuccess();
            (await _emulator.AwsAsync("logs", "filter-log-events", "--log-group-identifier", "/aws/sagemaker/TrainingJobs", "--limit", "1")).EnsureSuccess();
        }

        [Theory]
        [InlineData("not-an-arn")]
        [InlineData("arn:aws:events:xx-nowhere-9:123456789012:rule/demo-training-failed")]
        [InlineData("arn:aws:events:us-east-1:1234:rule/demo-training-failed")]
        [InlineData("arn:aws:sns:us-east-1:123456789012:rule/demo-training-failed")]
        public async Task A_tagged_resource_that_is_not_a_rule_arn_is_refused(string arn)
        {
            AwsCliResult result = await _emulator.AwsAsync("events", "list-tags-for-resource", "--resource-arn", arn);
            Assert.Equal("ValidationException", result.ErrorCode);
        }

        [Fact]
        public async Task A_rule_arn_is_accepted()
        {
            await _emulator.ResetAsync("demo");
            (await _emulator.AwsAsync("events", "list-tags-for-resource", "--resource-arn",
                "arn:aws:events:us-east-1:123456789012:rule/demo-training-failed")).EnsureSuccess();
        }
    }
}
