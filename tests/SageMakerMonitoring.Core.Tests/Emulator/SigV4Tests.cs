using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class SigV4Tests : IClassFixture<HostFixture>
    {
        private static readonly XNamespace Cw = "http://monitoring.amazonaws.com/doc/2010-08-01/";
        private readonly HostFixture _fixture;

        public SigV4Tests(HostFixture fixture)
        {
            _fixture = fixture;
        }

        private Task<AwsCliResult> DescribeEndpoint(AwsCliOptions options) =>
            AwsCli.RunAsync(options, _fixture.Url, "sagemaker", "describe-endpoint", "--endpoint-name", "demo-churn-endpoint");

        [Fact]
        public async Task GoodKeyWorksWithAndWithoutSessionToken()
        {
            (await DescribeEndpoint(new AwsCliOptions())).EnsureSuccess();
            (await DescribeEndpoint(new AwsCliOptions { SessionToken = "FwoGZXIvYXdzEXAMPLETOKEN" })).EnsureSuccess();
        }

        [Fact]
        public async Task WrongSecretIsInvalidSignature()
        {
            AwsCliResult result = await DescribeEndpoint(new AwsCliOptions { SecretAccessKey = "not-the-secret" });
            Assert.Equal("InvalidSignatureException", result.ErrorCode);
            Assert.Contains("The request signature we calculated does not match the signature you provided", result.Stderr);
        }

        [Fact]
        public async Task UnknownKeyIsUnrecognizedClient()
        {
            AwsCliResult result = await DescribeEndpoint(new AwsCliOptions { AccessKeyId = "AKIAUNKNOWNKEY000000" });
            Assert.Equal("UnrecognizedClientException", result.ErrorCode);
            Assert.Contains("The security token included in the request is invalid.", result.Stderr);
        }

        [Fact]
        public async Task CloudWatchJsonUsesQueryCodes()
        {
            AwsCliResult unknown = await AwsCli.RunAsync(new AwsCliOptions { AccessKeyId = "AKIAUNKNOWNKEY000000" }, _fixture.Url, "cloudwatch", "list-metrics");
            Assert.Equal("InvalidClientTokenId", unknown.ErrorCode);
            AwsCliResult mismatch = await AwsCli.RunAsync(new AwsCliOptions { SecretAccessKey = "wrong" }, _fixture.Url, "cloudwatch", "list-metrics");
            Assert.Equal("SignatureDoesNotMatch", mismatch.ErrorCode);
        }

        [Fact]
        public async Task AddedKeyIsAccepted()
        {
            await _fixture.PostControlAsync("keys", new JsonObject { ["accessKeyId"] = "AKIAADDEDKEY00000001", ["secretAccessKey"] = "added/secret" });
            (await DescribeEndpoint(new AwsCliOptions { AccessKeyId = "AKIAADDEDKEY00000001", SecretAccessKey = "added/secret" })).EnsureSuccess();
        }

        [Fact]
        public async Task SkewedJsonRequestIsSignatureExpired()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "sagemaker", "SageMaker.DescribeEndpoint", "1.1",
                "{\"EndpointName\":\"demo-churn-endpoint\"}", DateTime.UtcNow.AddMinutes(-16)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("InvalidSignatureException", body["__type"]!.GetValue<string>());
            Assert.StartsWith("Signature expired:", body["message"]!.GetValue<string>());
            Assert.Contains("- 15 min.)", body["message"]!.GetValue<string>());
        }

        [Fact]
        public async Task SlightlySkewedRequestIsAccepted()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Json(_fixture.Url, "sagemaker", "SageMaker.DescribeEndpoint", "1.1",
                "{\"EndpointName\":\"demo-churn-endpoint\"}", DateTime.UtcNow.AddMinutes(-14)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task QueryProtocolAuthErrorsAreXml()
        {
            using var client = new HttpClient();
            using HttpResponseMessage skewed = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, "Action=ListMetrics&Version=2010-08-01", DateTime.UtcNow.AddMinutes(20)));
            Assert.Equal(HttpStatusCode.BadRequest, skewed.StatusCode);
            Assert.Equal("RequestExpired", XDocument.Parse(await skewed.Content.ReadAsStringAsync()).Root!.Element(Cw + "Error")!.Element(Cw + "Code")!.Value);

            using HttpResponseMessage unknown = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, "Action=ListMetrics&Version=2010-08-01", accessKeyId: "AKIANOPE"));
            Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
            Assert.Equal("InvalidClientTokenId", XDocument.Parse(await unknown.Content.ReadAsStringAsync()).Root!.Element(Cw + "Error")!.Element(Cw + "Code")!.Value);

            using HttpResponseMessage mismatch = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, "Action=ListMetrics&Version=2010-08-01", secretAccessKey: "bad"));
            Assert.Equal(HttpStatusCode.Forbidden, mismatch.StatusCode);
            Assert.Equal("SignatureDoesNotMatch", XDocument.Parse(await mismatch.Content.ReadAsStringAsync()).Root!.Element(Cw + "Error")!.Element(Cw + "Code")!.Value);
        }

        [Fact]
        public async Task TamperedBodyFailsVerification()
        {
            HttpRequestMessage request = SigV4TestSigner.Json(_fixture.Url, "sagemaker", "SageMaker.DescribeEndpoint", "1.1", "{\"EndpointName\":\"demo-churn-endpoint\"}");
            var tampered = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("{\"EndpointName\":\"other-endpoint-name\"}"));
            tampered.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
            request.Content = tampered;
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(request);
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("InvalidSignatureException", body["__type"]!.GetValue<string>());
        }

        [Fact]
        public async Task MissingAuthenticationIsReported()
        {
            using var client = new HttpClient();
            var content = new StringContent("{}");
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
            using var request = new HttpRequestMessage(HttpMethod.Post, _fixture.Url + "/") { Content = content };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", "SageMaker.DescribeEndpoint");
            using HttpResponseMessage response = await client.SendAsync(request);
            JsonNode body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("MissingAuthenticationTokenException", body["__type"]!.GetValue<string>());
        }

        [Fact]
        public async Task S3AuthErrorsAreS3Codes()
        {
            AwsCliResult mismatch = await AwsCli.RunAsync(new AwsCliOptions { SecretAccessKey = "wrong" }, _fixture.Url, "s3api", "list-buckets");
            Assert.Equal("SignatureDoesNotMatch", mismatch.ErrorCode);
            AwsCliResult unknown = await AwsCli.RunAsync(new AwsCliOptions { AccessKeyId = "AKIAUNKNOWNKEY000000" }, _fixture.Url, "s3api", "list-buckets");
            Assert.Equal("InvalidAccessKeyId", unknown.ErrorCode);
        }
    }
}
