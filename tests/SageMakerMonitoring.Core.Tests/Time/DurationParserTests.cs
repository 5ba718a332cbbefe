using System;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Time
{
    public class DurationParserTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData("90s", 90)]
        [InlineData("15m", 900)]
        [InlineData("2h", 7200)]
        [InlineData("1d", 86400)]
        [InlineData("1w", 604800)]
        [InlineData("1h30m", 5400)]
        [InlineData("01:30:00", 5400)]
        [InlineData("45", 45)]
        [InlineData("1.5", 1.5)]
        [InlineData("1.02:00:00", 93600)]
        [InlineData(" 2 hours ", 7200)]
        public void ReadsTheFormsUsersType(string text, double seconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse(text, "Since", Now, allowPointInTime: true));
        }

        [Theory]
        [InlineData("99999999999d")]
        [InlineData("99999999999999999999w")]
        [InlineData("1e300")]
        [InlineData("99999999999999999999")]
        [InlineData("10675199.02:48:05.4775808")]
        [InlineData("99999999:00:00")]
        [InlineData("2147483647.00:00:00")]
        [InlineData("99999999999.5")]
        public void BeyondRepresentableIsInvalidDurationNamingParameterAndValue(string text)
        {
            var e = Assert.Throws<MonitoringException>(() => DurationParser.Parse(text, "Since", Now, allowPointInTime: true));
            Assert.Equal("InvalidDuration", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(text, e.TargetObject);
            Assert.Contains("-Since", e.Message);
            Assert.Contains(text, e.Message);
            Assert.Contains("longer than", e.Message);
            Assert.NotNull(e.RecommendedAction);
        }

        [Fact]
        public void ALookBackNeverReachesBeforeTheYearOne()
        {
            // 800,000 days is a representable TimeSpan but lies before 0001-01-01 when counted back from 2026.
            Assert.Equal(TimeSpan.FromDays(700_000), DurationParser.Parse("700000d", "Since", Now, allowPointInTime: true));
            var e = Assert.Throws<MonitoringException>(() => DurationParser.Parse("800000d", "Since", Now, allowPointInTime: true));
            Assert.Equal("InvalidDuration", e.ErrorId);
            // Whatever is returned can be subtracted from now.
            var span = DurationParser.Parse("700000d", "Since", Now, allowPointInTime: true);
            Assert.True(Now - span >= DateTime.MinValue);
        }

        [Fact]
        public void AWaitIsBoundedByWhatATimerAccepts()
        {
            Assert.Equal(TimeSpan.FromDays(24), DurationParser.Parse("24d", "Timeout", Now, maximum: DurationParser.MaxDelay));
            var e = Assert.Throws<MonitoringException>(() => DurationParser.Parse("25d", "Timeout", Now, maximum: DurationParser.MaxDelay));
            Assert.Equal("InvalidDuration", e.ErrorId);
            Assert.Contains("-Timeout", e.Message);
            // The bound is what Task.Delay and CancelAfter accept on .NET Framework (Windows PowerShell 5.1): int.MaxValue ms.
            Assert.Equal(int.MaxValue, (long)DurationParser.MaxDelay.TotalMilliseconds);
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("")]
        [InlineData("-5m")]
        [InlineData("0")]
        [InlineData("5 parsecs")]
        [InlineData("NaN")]
        public void NotADurationIsInvalidDuration(string text)
        {
            var e = Assert.Throws<MonitoringException>(() => DurationParser.Parse(text, "PollInterval", Now));
            Assert.Equal("InvalidDuration", e.ErrorId);
            Assert.Contains("is not a duration", e.Message);
        }

        [Fact]
        public void ZeroOnlyWhereAllowed()
        {
            Assert.Equal(TimeSpan.Zero, DurationParser.Parse("0", "SettleDelay", Now, allowZero: true));
        }

        [Fact]
        public void APointInTimeIsTheSpanSinceThenAndTheFutureIsRefused()
        {
            Assert.Equal(TimeSpan.FromHours(10), DurationParser.Parse("2026-11-28T00:00:00Z", "Since", Now, allowPointInTime: true));
            var e = Assert.Throws<MonitoringException>(() => DurationParser.Parse("2027-01-01T00:00:00Z", "Since", Now, allowPointInTime: true));
            Assert.Equal("InvalidTimeRange", e.ErrorId);
            Assert.Throws<MonitoringException>(() => DurationParser.Parse("2026-11-28T00:00:00Z", "Interval", Now));
        }

        [Theory]
        [InlineData("Auto", null)]
        [InlineData("", null)]
        [InlineData("60", 60)]
        [InlineData("1", 1)]
        [InlineData("5m", 300)]
        [InlineData("1h", 3600)]
        [InlineData("00:05:00", 300)]
        [InlineData("2147483647", 2147483647)]
        public void PeriodsInRange(string text, int? expected)
        {
            Assert.Equal(expected, DurationParser.ParsePeriod(text));
        }

        [Theory]
        [InlineData("99999999999999")]
        [InlineData("2147483648")]
        [InlineData("999999999999999999999999999999")]
        [InlineData("99999999999d")]
        [InlineData("100000w")]
        [InlineData("99999999:00:00")]
        public void PeriodsBeyondTheApiAreInvalidPeriod(string text)
        {
            var e = Assert.Throws<MonitoringException>(() => DurationParser.ParsePeriod(text));
            Assert.Equal("InvalidPeriod", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(text, e.TargetObject);
            Assert.Contains("-Period", e.Message);
            Assert.Contains("longer than", e.Message);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-60")]
        [InlineData("1.5s")]
        [InlineData("fast")]
        public void PeriodsThatAreNotPeriods(string text)
        {
            var e = Assert.Throws<MonitoringException>(() => DurationParser.ParsePeriod(text, "Interval"));
            Assert.Equal("InvalidPeriod", e.ErrorId);
            Assert.Contains("-Interval", e.Message);
            Assert.Contains("is not a period", e.Message);
        }

        [Fact]
        public void SinceParserNeverThrowsOnHugeText()
        {
            Assert.False(SinceParser.TryParse("99999999999d", out _));
            Assert.False(SinceParser.TryParse("10675199.02:48:05.4775808", out _));
            Assert.True(SinceParser.TryParse("1h30m", out var span));
            Assert.Equal(TimeSpan.FromMinutes(90), span);
        }
    }
}
