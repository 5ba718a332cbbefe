using System;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Output;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Output
{
    /// <summary>Region and Account on output objects: the account field of an ARN (AWS's ARN format:
    /// arn:partition:service:region:account-id:resource), and datapoints sharing their metric's scope.</summary>
    public sealed class ResourceScopeTests
    {
        [Theory]
        [InlineData("arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-1", "123456789012")]
        [InlineData("arn:aws-cn:sagemaker:cn-north-1:210987654321:endpoint/e", "210987654321")]
        [InlineData("arn:aws:sagemaker:eu-west-1:210987654321:inference-component/ic:with:colons", "210987654321")]
        [InlineData("arn:aws:s3:::bucket", null)]                 // S3 ARNs have no account
        [InlineData("arn:aws:sagemaker:us-east-1:12345:training-job/x", null)]
        [InlineData("nightly-1", null)]
        [InlineData(null, null)]
        public void Reads_the_account_field_of_an_arn(string? arn, string? account)
        {
            Assert.Equal(account, ResourceScope.AccountOfArn(arn));
        }

        [Fact]
        public void Points_of_one_series_share_the_scope_set_once_on_their_metric()
        {
            var identity = new MetricIdentity("/aws/sagemaker/TrainingJobs", "CPUUtilization", new[] { new MetricDimension("Host", "job/algo-1") });
            var metric = new MetricInfo(identity, SageMakerResourceType.TrainingJob, "job", "algo-1", null, null);
            var descriptor = new MetricSeriesDescriptor(metric, "Average", 60);
            var other = new MetricSeriesDescriptor(new MetricInfo(identity, SageMakerResourceType.TrainingJob, "job", "algo-2", null, null), "Average", 60);
            var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var points = new object[] { new MetricDatapoint(descriptor, t0, 1), new MetricDatapoint(descriptor, t0.AddMinutes(1), 2), new MetricDatapoint(other, t0, 3) };
            var scope = new ResourceScope("eu-west-1", "210987654321");

            ResourceScopeStamp.ApplyAll(points, points.Length, scope);

            foreach (MetricDatapoint p in points)
            {
                Assert.Equal("eu-west-1", p.Region);
                Assert.Equal("210987654321", p.Account);
            }
            // A second scope does not overwrite the first (a resource keeps where it was read).
            ResourceScopeStamp.Apply(points[0], new ResourceScope("us-east-1", "123456789012"));
            Assert.Equal("eu-west-1", ((MetricDatapoint)points[1]).Region);
        }

        [Fact]
        public void Objects_not_read_for_a_resource_have_no_region()
        {
            var identity = new MetricIdentity("Custom", "M", Array.Empty<MetricDimension>());
            var point = new MetricDatapoint(new MetricSeriesDescriptor(new MetricInfo(identity, SageMakerResourceType.Custom, "x", null, null, null), "Sum", 60), DateTime.UtcNow, 1);
            Assert.Null(point.Region);
            Assert.Null(point.Account);
        }

        [Fact]
        public void The_caller_account_is_looked_up_once_when_first_read_and_waited_for()
        {
            var answer = new TaskCompletionSource<string?>();
            var lookups = 0;
            var scope = new ResourceScope("eu-west-1", () => { lookups++; return answer.Task; });
            Assert.Equal("eu-west-1", scope.Region);
            Assert.Equal(0, lookups);
            var reader = Task.Run(() => scope.Account);
            Assert.False(reader.Wait(50));
            answer.SetResult("210987654321");
            Assert.Equal("210987654321", reader.Result);
            Assert.Equal("eu-west-1/210987654321", scope.ToString());
            Assert.Equal(1, lookups);
        }

        [Fact]
        public void A_lookup_that_fails_or_answers_nothing_leaves_the_account_empty()
        {
            Assert.Null(new ResourceScope("us-east-1", () => Task.FromException<string?>(new InvalidOperationException("no route"))).Account);
            Assert.Null(new ResourceScope("us-east-1", () => Task.FromResult<string?>("")).Account);
            Assert.Equal("us-east-1", new ResourceScope("us-east-1", () => Task.FromResult<string?>(null)).ToString());
        }
    }
}
