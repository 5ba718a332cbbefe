using System;
using SageMakerMonitoring.Core.Logs;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    public class LogQueryParsingTests
    {
        [Fact]
        public void TimestampsBecomeUtcDateTimes()
        {
            var v = LogQueryValueParser.Parse("@timestamp", "2026-11-28 10:15:30.123");
            var t = Assert.IsType<DateTime>(v);
            Assert.Equal(DateTimeKind.Utc, t.Kind);
            Assert.Equal(new DateTime(2026, 11, 28, 10, 15, 30, 123, DateTimeKind.Utc), t);
            Assert.IsType<DateTime>(LogQueryValueParser.Parse("bin(5m)", "2026-11-28 10:15:00.000"));
        }

        [Theory]
        [InlineData("count()", "42", 42L)]
        [InlineData("latencyMs", "-7", -7L)]
        [InlineData("avg(latencyMs)", "812.5", 812.5)]
        [InlineData("ratio", "0.25", 0.25)]
        [InlineData("big", "1.5e3", 1500.0)]
        public void NumbersBecomeNumbers(string field, string value, object expected) => Assert.Equal(expected, LogQueryValueParser.Parse(field, value));

        [Theory]
        [InlineData("@message", "42")]
        [InlineData("@logStream", "12345")]
        [InlineData("@ptr", "CmAKJwoj")]
        [InlineData("zip", "007")]
        [InlineData("level", "ERROR")]
        [InlineData("v", "1.2.3-beta")]
        [InlineData("v", "NaN")]
        [InlineData("v", "-")]
        public void TextStaysText(string field, string value) => Assert.Equal(value, LogQueryValueParser.Parse(field, value));

        [Fact]
        public void ShapeOfQueries()
        {
            var plain = LogQueryShape.Of("fields @timestamp, @message | filter @message like /ERROR/");
            Assert.True(plain.CanSplitByTime);
            Assert.False(plain.Ascending);
            Assert.False(LogQueryShape.Of("stats count(*) by bin(5m)").CanSplitByTime);
            Assert.False(LogQueryShape.Of("fields @message | STATS avg(x) by host").CanSplitByTime);
            Assert.False(LogQueryShape.Of("fields @message | limit 20").CanSplitByTime);
            Assert.True(LogQueryShape.Of("fields @message | sort @timestamp asc").Ascending);
            Assert.True(LogQueryShape.Of("fields statsd_value, @message").CanSplitByTime);
            Assert.True(LogQueryShape.Of("fields @message | dedup @logStream").Deduplicates);
        }

        [Fact]
        public void RowIndexerFindsFields()
        {
            var row = new LogQueryRow(new[] { new LogQueryField("@timestamp", new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)), new LogQueryField("n", 3L) });
            Assert.Equal(3L, row["n"]);
            Assert.Null(row["missing"]);
        }
    }
}
