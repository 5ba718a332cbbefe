using System;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Time
{
    public class TimeRangeResolverTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void SinceEndsNow()
        {
            var r = TimeRangeResolver.Resolve(null, null, TimeSpan.FromHours(2), Now);
            Assert.Equal(Now.AddHours(-2), r.Start);
            Assert.Equal(Now, r.End);
        }

        [Fact]
        public void NothingGivenMeansTheLastThreeHours()
        {
            var r = TimeRangeResolver.Resolve(null, null, null, Now);
            Assert.Equal(Now.AddHours(-3), r.Start);
            Assert.Equal(Now, r.End);
        }

        [Fact]
        public void JobTimesWhenNothingGiven()
        {
            var r = TimeRangeResolver.Resolve(null, null, null, Now, Now.AddHours(-5), Now.AddHours(-4));
            Assert.Equal(Now.AddHours(-5), r.Start);
            Assert.Equal(Now.AddHours(-4), r.End);
            var running = TimeRangeResolver.Resolve(null, null, null, Now, Now.AddHours(-2), null);
            Assert.Equal(Now, running.End);
        }

        [Fact]
        public void LocalTimesBecomeUtc()
        {
            var local = new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Local);
            var r = TimeRangeResolver.Resolve(local, null, null, Now);
            Assert.Equal(DateTimeKind.Utc, r.Start.Kind);
            Assert.Equal(local.ToUniversalTime(), r.Start);
        }

        [Fact]
        public void EndBeforeStartIsAnError()
        {
            var ex = Assert.Throws<MonitoringException>(() => TimeRangeResolver.Resolve(Now, Now.AddHours(-1), null, Now));
            Assert.Equal("InvalidTimeRange", ex.ErrorId);
        }

        [Fact]
        public void SinceAndStartTogetherIsAnError()
        {
            Assert.Throws<MonitoringException>(() => TimeRangeResolver.Resolve(Now.AddHours(-1), null, TimeSpan.FromHours(1), Now));
        }
    }
}
