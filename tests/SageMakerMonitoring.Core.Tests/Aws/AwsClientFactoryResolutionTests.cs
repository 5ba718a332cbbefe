using System;
using System.IO;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>Where region and credentials come from, in AWS Tools for PowerShell's order: literal keys, -Credential,
    /// an explicit profile (-ProfileName/-ProfileLocation), the session's stored values, then the environment. Every
    /// case gives an endpoint URL, so the environment's endpoint variables cannot change the outcome.</summary>
    public sealed class AwsClientFactoryResolutionTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "smm-factory-" + Guid.NewGuid().ToString("n"));
        private readonly string _credentialsFile;

        public AwsClientFactoryResolutionTests()
        {
            Directory.CreateDirectory(_folder);
            _credentialsFile = Path.Combine(_folder, "credentials");
            File.WriteAllText(_credentialsFile,
                "[default]\naws_access_key_id = AKIADEFAULTFROMFILE01\naws_secret_access_key = secretdefault\n\n" +
                "[team]\naws_access_key_id = AKIATEAMFROMFILE00001\naws_secret_access_key = secretteam\nregion = eu-central-1\n");
        }

        public void Dispose()
        {
            try { Directory.Delete(_folder, true); } catch (IOException) { }
        }

        private static AwsClientFactory Factory(Action<AwsClientOptions> set)
        {
            var options = new AwsClientOptions { EndpointUrl = "http://127.0.0.1:9" };
            set(options);
            return new AwsClientFactory(options);
        }

        private static string? AccessKeyOf(AwsClientFactory factory) => factory.ResolvedCredentials?.GetCredentials().AccessKey;

        [Fact]
        public void RegionOrder_parameter_then_profile_then_session()
        {
            Assert.Equal("us-west-2", Factory(o => { o.Region = "us-west-2"; o.SessionRegion = "eu-west-1"; }).Region);
            Assert.Equal("eu-central-1", Factory(o => { o.ProfileName = "team"; o.ProfileLocation = _credentialsFile; o.SessionRegion = "eu-west-1"; }).Region);
            Assert.Equal("eu-west-1", Factory(o => o.SessionRegion = "eu-west-1").Region);
        }

        [Fact]
        public void AStoredRegionIsCheckedLikeAParameter()
        {
            var e = Assert.Throws<MonitoringException>(() => Factory(o => o.SessionRegion = "US East (N. Virginia)").Region);
            Assert.Equal("InvalidRegion", e.ErrorId);
            Assert.Contains("$StoredAWSRegion", e.Message);
        }

        [Fact]
        public void LiteralKeysWinOverEverything()
        {
            var f = Factory(o =>
            {
                o.Region = "us-east-1";
                o.AccessKey = "AKIALITERAL000000001";
                o.SecretKey = "literal";
                o.SessionToken = "token";
                o.Credentials = new BasicAWSCredentials("AKIACREDENTIAL000001", "c");
                o.SessionCredentials = new BasicAWSCredentials("AKIASTORED0000000001", "s");
            });
            Assert.Equal("AKIALITERAL000000001", AccessKeyOf(f));
            Assert.Equal("token", f.ResolvedCredentials!.GetCredentials().Token);
        }

        [Fact]
        public void CredentialThenProfileLocationThenSession()
        {
            Assert.Equal("AKIACREDENTIAL000001", AccessKeyOf(Factory(o =>
            {
                o.Region = "us-east-1";
                o.Credentials = new BasicAWSCredentials("AKIACREDENTIAL000001", "c");
                o.SessionCredentials = new BasicAWSCredentials("AKIASTORED0000000001", "s");
            })));
            Assert.Equal("AKIADEFAULTFROMFILE01", AccessKeyOf(Factory(o =>
            {
                o.Region = "us-east-1";
                o.ProfileLocation = _credentialsFile;
                o.SessionCredentials = new BasicAWSCredentials("AKIASTORED0000000001", "s");
            })));
            Assert.Equal("AKIATEAMFROMFILE00001", AccessKeyOf(Factory(o => { o.ProfileLocation = _credentialsFile; o.ProfileName = "team"; })));
            Assert.Equal("AKIASTORED0000000001", AccessKeyOf(Factory(o =>
            {
                o.Region = "us-east-1";
                o.SessionCredentials = new BasicAWSCredentials("AKIASTORED0000000001", "s");
            })));
        }

        [Fact]
        public void NothingExplicitLeavesTheSdkDefaultChain()
        {
            Assert.Null(Factory(o => o.Region = "us-east-1").ResolvedCredentials);
        }

        [Theory]
        [InlineData("AKIAONLY", null, null, "SecretKey")]
        [InlineData(null, "secret", null, "AccessKey")]
        [InlineData(null, null, "token", "SessionToken")]
        public void HalfALiteralKeyIsInvalidCredentialParameters(string? access, string? secret, string? token, string missing)
        {
            var e = Assert.Throws<MonitoringException>(() => Factory(o =>
            {
                o.Region = "us-east-1";
                o.AccessKey = access;
                o.SecretKey = secret;
                o.SessionToken = token;
            }).Region);
            Assert.Equal("InvalidCredentialParameters", e.ErrorId);
            Assert.Equal(missing, e.TargetObject);
            Assert.DoesNotContain("secret", e.Message.Replace("SecretKey", ""));
        }

        [Fact]
        public void AMissingProfileLocationIsProfileLocationNotFound()
        {
            var path = Path.Combine(_folder, "nope");
            var e = Assert.Throws<MonitoringException>(() => Factory(o => { o.Region = "us-east-1"; o.ProfileLocation = path; }).Region);
            Assert.Equal("ProfileLocationNotFound", e.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, e.Kind);
        }

        [Fact]
        public void AStoredValueOfAnotherTypeIsRefused()
        {
            var e = Assert.Throws<MonitoringException>(() => Factory(o => { o.Region = "us-east-1"; o.SessionCredentials = 42; }).Region);
            Assert.Equal("InvalidStoredCredentials", e.ErrorId);
        }
    }
}
