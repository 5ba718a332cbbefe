using System;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Time
{
    public class RetentionLadderTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData(0.5, 1, 1)]          // 30 minutes ago, high-resolution data: 1 s
        [InlineData(2.99, 1, 1)]
        [InlineData(0.5, 60, 60)]        // standard-resolution data is never finer than a minute
        [InlineData(3.01, 1, 60)]        // older than 3 hours: 1 minute
        [InlineData(24 * 14.9, 1, 60)]
        [InlineData(24 * 15.1, 1, 300)]  // older than 15 days: 5 minutes
        [InlineData(24 * 62.9, 60, 300)]
        [InlineData(24 * 63.1, 1, 3600)] // older than 63 days: 1 hour
        [InlineData(24 * 454, 1, 3600)]
        public void AutoPicksTheFinestRetainedPeriod(double hoursAgo, int storageResolution, int expected)
        {
            Assert.Equal(expected, RetentionLadder.FinestPeriod(Now.AddHours(-hoursAgo), Now, storageResolution));
        }

        [Fact]
        public void NothingIsRetainedAfter455Days()
        {
            var ex = Assert.Throws<MonitoringException>(() => RetentionLadder.FinestPeriod(Now.AddDays(-456), Now, 60));
            Assert.Equal("RangeNotRetained", ex.ErrorId);
        }

        [Theory]
        [InlineData(1, true)]
        [InlineData(5, true)]
        [InlineData(10, true)]
        [InlineData(20, true)]
        [InlineData(30, true)]
        [InlineData(60, true)]
        [InlineData(120, true)]
        [InlineData(7, false)]
        [InlineData(45, false)]
        [InlineData(90, false)]
        [InlineData(0, false)]
        public void PeriodValidity(int period, bool valid) => Assert.Equal(valid, RetentionLadder.IsValidPeriod(period));

        [Theory]
        [InlineData(2, 1)]
        [InlineData(2, 30)]
        [InlineData(2, 60)]
        [InlineData(5, 60)]
        [InlineData(5, 120)]
        [InlineData(24 * 20, 300)]
        [InlineData(24 * 20, 600)]
        [InlineData(24 * 100, 3600)]
        [InlineData(24 * 100, 7200)]
        public void RetainedPeriodsPass(double hoursAgo, int period) => RetentionLadder.ValidatePeriod(period, Now.AddHours(-hoursAgo), Now);

        [Theory]
        [InlineData(4, 1, 60)]
        [InlineData(4, 30, 60)]
        [InlineData(24 * 20, 60, 300)]
        [InlineData(24 * 20, 120, 300)]
        [InlineData(24 * 100, 300, 3600)]
        [InlineData(24 * 100, 1800, 3600)]
        public void TooFinePeriodsNameTheFinestValidOne(double hoursAgo, int period, int finest)
        {
            var ex = Assert.Throws<MonitoringException>(() => RetentionLadder.ValidatePeriod(period, Now.AddHours(-hoursAgo), Now));
            Assert.Equal("PeriodNotRetained", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.Contains($"finest valid period is {finest} seconds", ex.Message);
            Assert.Equal(period, ex.TargetObject);
        }

        [Fact]
        public void MalformedPeriodIsInvalidPeriod()
        {
            var ex = Assert.Throws<MonitoringException>(() => RetentionLadder.ValidatePeriod(45, Now.AddMinutes(-5), Now));
            Assert.Equal("InvalidPeriod", ex.ErrorId);
        }
    }
}
