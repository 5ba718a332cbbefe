using System;
using System.Linq;
using SageMakerMonitoring.Core.Aws.Pacing;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws.Pacing
{
    public sealed class QuotaBucketTests
    {
        private long _now;
        private long Clock() => _now;
        private void Advance(double seconds) => _now += (long)(seconds * TimeSpan.TicksPerSecond);

        [Fact]
        public void A_full_bucket_serves_its_capacity_at_once_then_one_token_per_interval()
        {
            var bucket = new QuotaBucket(10, 5, Clock);
            Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(TimeSpan.Zero, bucket.Take(1)));
            Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Take(1));
            Assert.Equal(TimeSpan.FromMilliseconds(200), bucket.Take(1));
            Advance(0.2);
            Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Take(1));
        }

        [Fact]
        public void Callers_that_wait_as_told_never_exceed_capacity_plus_rate_times_time()
        {
            // 8 callers in turn, each acting at the instant the bucket names; count what acts in every 1-second window.
            var bucket = new QuotaBucket(25, 12.5, Clock);
            var starts = new System.Collections.Generic.List<long>();
            for (int i = 0; i < 400; i++)
            {
                var wait = bucket.Take(1);
                starts.Add(_now + wait.Ticks);
                if (i % 8 == 7) Advance(0.3);
            }
            starts.Sort();
            for (int i = 0; i < starts.Count; i++)
            {
                var inWindow = starts.Skip(i).TakeWhile(t => t < starts[i] + TimeSpan.TicksPerSecond).Count();
                Assert.True(inWindow <= 12.5 + 25 + 1, inWindow + " requests within one second");
            }
        }

        [Fact]
        public void Use_known_afterwards_is_debt_that_delays_the_next_caller()
        {
            var points = new QuotaBucket(180_000, 90_000, Clock);
            Assert.Equal(TimeSpan.Zero, points.Take(0));
            points.Consume(450_000); // 360,000 in debt
            Assert.Equal(TimeSpan.FromSeconds(2), points.Take(0));
            Advance(2);
            Assert.Equal(TimeSpan.Zero, points.Take(0));
        }

        [Fact]
        public void Throttling_halves_the_rate_and_it_grows_back_without_throttling()
        {
            var bucket = new QuotaBucket(10, 1, Clock);
            bucket.Throttled();
            Assert.Equal(5, bucket.Rate, 6);
            bucket.Throttled();
            bucket.Throttled();
            bucket.Throttled();
            bucket.Throttled();
            Assert.Equal(1, bucket.Rate, 6); // never below a tenth
            Advance(0.5);
            Assert.Equal(1, bucket.Rate, 6); // not within the first second
            Advance(5);
            Assert.True(bucket.Rate > 1 && bucket.Rate <= 10);
            Advance(20);
            Assert.Equal(10, bucket.Rate, 6);
        }

        [Fact]
        public void Pacing_is_on_for_AWS_endpoints_and_off_for_custom_ones_unless_asked()
        {
            Assert.True(ServiceQuotas.Resolve(customEndpoint: false, null).Enabled);
            Assert.False(ServiceQuotas.Resolve(customEndpoint: true, null).Enabled);
            Assert.True(ServiceQuotas.Resolve(customEndpoint: true, "aws").Enabled);
            Assert.False(ServiceQuotas.Resolve(customEndpoint: false, "off").Enabled);
            var raised = ServiceQuotas.Resolve(false, "monitoring.GetMetricData=1000, monitoring.GetMetricData.points=396000");
            Assert.Equal(1000, raised.RequestsPerSecond("monitoring", "GetMetricData", "us-east-1"));
            Assert.Equal(396_000, raised.GetMetricDataPointsPerSecond);
            Assert.Throws<FormatException>(() => ServiceQuotas.Resolve(false, "GetMetricData"));
        }

        [Theory]
        [InlineData("logs", "FilterLogEvents", "eu-west-1", 10)]
        [InlineData("logs", "FilterLogEvents", "us-east-1", 25)]
        [InlineData("logs", "FilterLogEvents", "eu-central-1", 5)]
        [InlineData("monitoring", "GetMetricData", "eu-west-1", 500)]
        [InlineData("monitoring", "ListMetrics", "eu-west-1", 25)]
        [InlineData("monitoring", "PutMetricData", "eu-west-1", 500)]
        [InlineData("logs", "GetLogEvents", "eu-west-3", 30)]
        [InlineData("logs", "GetLogEvents", "us-west-2", 10)]
        public void Default_quotas_follow_the_user_guides(string service, string operation, string region, double tps)
        {
            Assert.Equal(tps, ServiceQuotas.Resolve(false, null).RequestsPerSecond(service, operation, region));
        }

        [Fact]
        public void The_pacer_shares_one_bucket_per_service_account_region_and_operation()
        {
            var pacer = new RequestPacer(Clock);
            var q = ServiceQuotas.Resolve(false, null);
            Assert.Same(pacer.RequestBucket(q, "logs", "AKIA1", "eu-west-1", "FilterLogEvents"), pacer.RequestBucket(q, "logs", "AKIA1", "eu-west-1", "FilterLogEvents"));
            Assert.NotSame(pacer.RequestBucket(q, "logs", "AKIA1", "eu-west-1", "FilterLogEvents"), pacer.RequestBucket(q, "logs", "AKIA1", "us-east-1", "FilterLogEvents"));
            Assert.NotSame(pacer.RequestBucket(q, "logs", "AKIA1", "eu-west-1", "FilterLogEvents"), pacer.RequestBucket(q, "logs", "AKIA2", "eu-west-1", "FilterLogEvents"));
            Assert.Null(pacer.RequestBucket(q, "sagemaker", "AKIA1", "eu-west-1", "DescribeTrainingJob"));
            Assert.Null(pacer.RequestBucket(ServiceQuotas.Resolve(false, "off"), "logs", "AKIA1", "eu-west-1", "FilterLogEvents"));
        }
    }
}
