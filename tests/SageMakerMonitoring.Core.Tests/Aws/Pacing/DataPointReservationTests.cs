using System;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Aws.CloudWatch;
using SageMakerMonitoring.Core.Aws.Pacing;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws.Pacing
{
    /// <summary>
    /// GetMetricData calls reserve the most data points their answer can carry before they are sent, and settle when the
    /// answer is counted: parallel calls in flight then count against the points quota before their answers arrive.
    /// </summary>
    public sealed class DataPointReservationTests
    {
        private long _now;
        private long Clock() => _now;

        private static MetricDataRequest Request(int queries, TimeSpan range, int period, int? maxDatapoints = null)
        {
            var start = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
            var metric = new MetricIdentity("/aws/sagemaker/TrainingJobs", "CPUUtilization", new[] { new MetricDimension("Host", "j/algo-1") });
            return new MetricDataRequest
            {
                Queries = Enumerable.Range(0, queries).Select(i => new MetricDataQuery("q" + i, metric, period, "Average")).ToArray(),
                StartTime = start,
                EndTime = start + range,
                MaxDatapoints = maxDatapoints,
            };
        }

        [Fact]
        public void A_reservation_is_each_querys_periods_plus_one_capped_at_the_per_call_maximum()
        {
            // 10 queries over 10 minutes at 60 s: at most 11 points each (a start rounded down adds one).
            Assert.Equal(110, CloudWatchClient.MostDataPoints(Request(10, TimeSpan.FromMinutes(10), 60)));
            // 80 series of 3 hours at 1 s hold 864,000 points: one answer carries at most 100,800.
            Assert.Equal(100_800, CloudWatchClient.MostDataPoints(Request(80, TimeSpan.FromHours(3), 1)));
            Assert.Equal(500, CloudWatchClient.MostDataPoints(Request(80, TimeSpan.FromHours(3), 1, maxDatapoints: 500)));
            Assert.Equal(0, CloudWatchClient.MostDataPoints(Request(0, TimeSpan.FromHours(1), 1)));
        }

        [Fact]
        public void Calls_sent_together_wait_for_each_others_reservations_before_any_answer_arrives()
        {
            // 180,000 points per second paced at 95 % with half a second of burst, as RequestPacer builds it.
            var bucket = new QuotaBucket(180_000 * RequestPacer.RateMargin, 180_000 * RequestPacer.BurstSeconds, Clock);
            var waits = Enumerable.Range(0, 8).Select(_ => bucket.Take(100_800)).ToArray();
            // Each waits until the reservations before it and its own fit the burst plus what the paced rate refills.
            for (int i = 0; i < waits.Length; i++)
            {
                double expected = (100_800.0 * (i + 1) - 90_000) / 171_000;
                Assert.InRange(waits[i].TotalSeconds, expected - 0.001, expected + 0.001);
            }
        }

        [Fact]
        public void A_refund_gives_back_what_was_not_used_but_never_more_than_the_capacity()
        {
            var bucket = new QuotaBucket(1000, 500, Clock);
            Assert.Equal(TimeSpan.Zero, bucket.Take(400));
            Assert.Equal(TimeSpan.FromSeconds(0.9), bucket.Take(1000));
            bucket.Refund(1000);
            Assert.Equal(100, bucket.Tokens, 6);
            bucket.Refund(10_000);
            Assert.Equal(500, bucket.Tokens, 6);
            Assert.Throws<ArgumentOutOfRangeException>(() => bucket.Refund(-1));
        }
    }
}
