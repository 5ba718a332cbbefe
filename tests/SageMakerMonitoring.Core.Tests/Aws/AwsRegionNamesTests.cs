using Amazon;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public class AwsRegionNamesTests
    {
        [Theory]
        [InlineData("us-east-1")]
        [InlineData("eu-west-2")]
        [InlineData("cn-north-1")]
        [InlineData("us-gov-west-1")]
        public void RegionsTheSdkKnowsPass(string name) => Assert.Equal(name, AwsRegionNames.Check(name, "-Region", hasEndpointUrl: false));

        [Theory]
        [InlineData("us-east-9")]
        [InlineData("US East (N. Virginia)")]
        [InlineData("useast1")]
        [InlineData("")]
        public void MadeUpNamesWithoutAnEndpointAreInvalidRegion(string name)
        {
            var e = Assert.Throws<MonitoringException>(() => AwsRegionNames.Check(name, "-Region", hasEndpointUrl: false));
            Assert.Equal("InvalidRegion", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(name, e.TargetObject);
            Assert.Contains("-Region", e.Message);
            Assert.Contains("-EndpointUrl", e.RecommendedAction);
        }

        [Fact]
        public void TheDisplayNameSuggestsTheRegion()
        {
            var e = Assert.Throws<MonitoringException>(() => AwsRegionNames.Check("US East (N. Virginia)", "-Region", false));
            Assert.Contains("us-east-1", e.Message);
        }

        [Fact]
        public void WithAnEndpointAnyWellFormedNameIsTheUsersWord()
        {
            Assert.Equal("us-east-9", AwsRegionNames.Check("us-east-9", "-Region", hasEndpointUrl: true));
            Assert.Equal("local", AwsRegionNames.Check("local", "-Region", hasEndpointUrl: true));
            Assert.Throws<MonitoringException>(() => AwsRegionNames.Check("US East (N. Virginia)", "-Region", hasEndpointUrl: true));
        }

        [Fact]
        public void ANameTheSdkWasAskedForDoesNotBecomeKnown()
        {
            // RegionEndpoint.GetBySystemName registers unknown names in the SDK's own table.
            _ = RegionEndpoint.GetBySystemName("mars-north-7");
            Assert.False(AwsRegionNames.IsKnown("mars-north-7"));
            Assert.Throws<MonitoringException>(() => AwsRegionNames.Check("mars-north-7", "AWS_REGION", false));
        }

        [Fact]
        public void TheCompletionListHoldsRealRegionsOnly()
        {
            Assert.Contains(AwsRegionNames.All, r => r.Name == "us-east-1" && r.DisplayName == "US East (N. Virginia)");
            Assert.DoesNotContain(AwsRegionNames.All, r => r.DisplayName == "Unknown");
        }
    }
}
