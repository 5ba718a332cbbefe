using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Aws.CloudWatch;
using SageMakerMonitoring.Core.Aws.Wire;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws.Wire
{
    /// <summary>The buffer the GetMetricData reader fills its timestamp and value lists with, and the reader over lists
    /// in either order and of unequal lengths.</summary>
    public sealed class PooledArrayBuilderTests
    {
        [Theory]
        [InlineData(0, 0)]
        [InlineData(0, 1)]
        [InlineData(0, 256)]
        [InlineData(0, 257)]
        [InlineData(0, 10800)]
        [InlineData(10800, 10800)]
        [InlineData(10800, 10799)]
        [InlineData(10800, 10801)]
        [InlineData(3, 0)]
        public void Ends_as_an_exactly_sized_array_of_what_was_added_in_order(int expected, int added)
        {
            var builder = new PooledArrayBuilder<double>(expected);
            try
            {
                for (var i = 0; i < added; i++) builder.Add(i * 0.5);
                var result = builder.ToArray();
                Assert.Equal(added, result.Length);
                for (var i = 0; i < added; i++) Assert.Equal(i * 0.5, result[i]);
            }
            finally
            {
                builder.Dispose();
            }
        }

        [Fact]
        public void An_array_handed_out_is_not_written_by_a_later_builder()
        {
            // Grown through the pool: what ToArray returns must be the caller's own, not a pooled buffer.
            var first = new PooledArrayBuilder<double>(0);
            for (var i = 0; i < 1000; i++) first.Add(1);
            var kept = first.ToArray();
            first.Dispose();

            var second = new PooledArrayBuilder<double>(0);
            for (var i = 0; i < 1000; i++) second.Add(2);
            second.Dispose();

            Assert.All(kept, v => Assert.Equal(1, v));
        }

        [Fact]
        public void A_list_as_long_as_expected_is_filled_in_place_without_a_copy()
        {
            var builder = new PooledArrayBuilder<int>(4);
            for (var i = 0; i < 4; i++) builder.Add(i);
            var once = builder.ToArray();
            Assert.Same(once, builder.ToArray());
            builder.Dispose();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void GetMetricData_lists_are_read_whole_in_either_order(bool timestampsFirst)
        {
            const int n = 3000;
            var timestamps = string.Join(",", Enumerable.Range(0, n).Select(i => (1795880000L + i).ToString()));
            var values = string.Join(",", Enumerable.Range(0, n).Select(i => (i / 8.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            var lists = timestampsFirst
                ? $"\"Timestamps\":[{timestamps}],\"Values\":[{values}]"
                : $"\"Values\":[{values}],\"Timestamps\":[{timestamps}]";
            var page = Parse("{\"MetricDataResults\":[{\"Id\":\"m0\"," + lists + ",\"StatusCode\":\"Complete\"}]}");

            var result = Assert.Single(page.Results);
            Assert.Equal(n, result.Timestamps.Length);
            Assert.Equal(n, result.Values.Length);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795880000L + i).UtcDateTime, result.Timestamps[i]);
                Assert.Equal(i / 8.0, result.Values[i]);
            }
        }

        [Theory]
        [InlineData("[1795880000,1795880060]", "[1.5]", 2, 1)]
        [InlineData("[1795880000]", "[1.5,2.5,3.5]", 1, 3)]
        [InlineData("[]", "[1.5,2.5]", 0, 2)]
        [InlineData("[1795880000,1795880060]", "[]", 2, 0)]
        public void GetMetricData_lists_of_unequal_length_are_each_read_as_sent(string timestamps, string values, int timestampCount, int valueCount)
        {
            var page = Parse("{\"MetricDataResults\":[{\"Id\":\"m0\",\"Timestamps\":" + timestamps + ",\"Values\":" + values + "}]}");

            var result = Assert.Single(page.Results);
            Assert.Equal(timestampCount, result.Timestamps.Length);
            Assert.Equal(valueCount, result.Values.Length);
        }

        private static MetricDataPage Parse(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            return CloudWatchClient.ReadMetricDataPage(ref reader);
        }
    }
}
