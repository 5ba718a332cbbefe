using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    /// <summary>
    /// The emulator refuses a request signed for a region AWS does not have, with each protocol's answer to a credential
    /// scoped to a region the endpoint does not serve: awsJson services "InvalidSignatureException" (as CloudWatch Logs
    /// answers "Credential should be scoped to a valid region, not '...'."), query services "SignatureDoesNotMatch" with
    /// the same message (as IAM, STS and SES answer), S3 "AuthorizationHeaderMalformed ... the region '...' is wrong;
    /// expecting '...'". The codes are read back by the aws CLI (botocore's own error parsing), not by the emulator.
    /// Every region botocore's endpoints.json lists is accepted.
    /// </summary>
    public sealed class SigningRegionTests : IClassFixture<EmulatorFixture>
    {
        private const string Nowhere = "xx-nowhere-9";
        private readonly EmulatorFixture _emulator;

        public SigningRegionTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private Task<AwsCliResult> Cli(string region, string service, string operation, params string[] arguments) =>
            AwsCli.RunAsync(new AwsCliOptions { Region = region }, _emulator.Url, service, operation, arguments);

        [Theory]
        [InlineData("logs", "describe-log-groups")]
        [InlineData("events", "list-rules")]
        [InlineData("sagemaker", "list-training-jobs")]
        public async Task An_awsJson_service_answers_InvalidSignatureException_for_an_unknown_region(string service, string operation)
        {
            AwsCliResult result = await Cli(Nowhere, service, operation);
            Assert.Equal("InvalidSignatureException", result.ErrorCode);
            Assert.Contains("Credential should be scoped to a valid region, not 'xx-nowhere-9'.", result.Stderr);
        }

        [Fact]
        public async Task CloudWatch_answers_SignatureDoesNotMatch_for_an_unknown_region_over_json_and_query()
        {
            AwsCliResult result = await Cli(Nowhere, "cloudwatch", "list-metrics");
            Assert.Equal("SignatureDoesNotMatch", result.ErrorCode);
            Assert.Contains("Credential should be scoped to a valid region, not 'xx-nowhere-9'.", result.Stderr);

            XNamespace cw = "http://monitoring.amazonaws.com/doc/2010-08-01/";
            using var client = new HttpClient();
            using HttpResponseMessage query = await client.SendAsync(SigV4TestSigner.Build(_emulator.Url, "monitoring",
                "application/x-www-form-urlencoded; charset=utf-8", "Action=ListMetrics&Version=2010-08-01", region: Nowhere));
            Assert.Equal(HttpStatusCode.Forbidden, query.StatusCode);
            XElement error = XDocument.Parse(await query.Content.ReadAsStringAsync()).Root!.Element(cw + "Error")!;
            Assert.Equal("SignatureDoesNotMatch", error.Element(cw + "Code")!.Value);
            Assert.Equal("Sender", error.Element(cw + "Type")!.Value);
        }

        [Fact]
        public async Task S3_answers_AuthorizationHeaderMalformed_naming_the_region_it_expected()
        {
            AwsCliResult result = await Cli(Nowhere, "s3api", "list-buckets");
            Assert.Equal("AuthorizationHeaderMalformed", result.ErrorCode);
            Assert.Contains("the region 'xx-nowhere-9' is wrong; expecting 'us-east-1'", result.Stderr);
        }

        [Fact]
        public async Task A_region_that_only_looks_like_one_is_refused_too()
        {
            // Right shape, no such region: the table decides, not a pattern.
            AwsCliResult result = await Cli("us-east-7", "sagemaker", "describe-endpoint", "--endpoint-name", "demo-churn-endpoint");
            Assert.Equal("InvalidSignatureException", result.ErrorCode);
        }

        [Theory]
        [InlineData("eu-west-1")]
        [InlineData("ap-southeast-7")]
        [InlineData("us-gov-west-1")]
        [InlineData("cn-north-1")]
        public async Task Every_real_region_is_accepted(string region)
        {
            // Each Region is a world of its own (only us-east-1 holds the demo world), so list rather than describe.
            (await Cli(region, "sagemaker", "list-endpoints")).EnsureSuccess();
        }

        [Fact]
        public void The_region_table_holds_every_partition_and_nothing_made_up()
        {
            Assert.True(AwsRegions.All.Count >= 40);
            foreach (string region in new[] { "us-east-1", "eu-central-2", "il-central-1", "mx-central-1", "cn-northwest-1", "us-gov-east-1", "us-isob-east-1", "eusc-de-east-1" })
                Assert.True(AwsRegions.IsKnown(region), region);
            foreach (string region in new[] { Nowhere, "US-EAST-1", "us-east-1 ", "", "local", "us-east-7" })
                Assert.False(AwsRegions.IsKnown(region), region);
            Assert.False(AwsRegions.IsKnown(null));
        }

        [Fact]
        public async Task The_module_gets_the_refusal_once_without_retrying_it()
        {
            await _emulator.ResetAsync("demo");
            var calls = new List<AwsCallRecord>();
            using var factory = new AwsClientFactory(new AwsClientOptions
            {
                Region = Nowhere,
                EndpointUrl = _emulator.Url,
                Credentials = new BasicAWSCredentials(CredentialStore.DefaultAccessKeyId, CredentialStore.DefaultSecretAccessKey),
                CallLogger = r => { lock (calls) calls.Add(r); },
            });
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                factory.CreateCloudWatchLogs().DescribeLogGroupsAsync("/aws/sagemaker/", null, null, CancellationToken.None));
            Assert.Equal("InvalidSignatureException", error.ErrorCode);
            Assert.Equal(0, Assert.Single(calls).Retries);
            JsonNode? requests = await _emulator.GetControlAsync("requests");
            Assert.Equal(0, requests?["operations"]?.AsObject().Sum(p => p.Value!.GetValue<long>()) ?? 0);
        }
    }
}
