using System.Linq;
using SageMakerMonitoring.Emulator.Services.CloudWatch;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    public class MetricSeriesTests
    {
        private static MetricSeries NewSeries() => new MetricSeries(MetricIdentity.Create("N", "M", ("A", "1")), 1, 4);

        [Fact]
        public void RawValuesUseOnlyTimestampAndValueColumns()
        {
            var series = NewSeries();
            for (var t = 0; t < 100; t++) series.Add(1000 + t, t, 1.0, MetricUnits.Percent);
            Assert.Equal(100, series.Count);
            Assert.Null(series.Counts);
            Assert.Null(series.Sums);
            Assert.Null(series.Units);
            Assert.Equal(1099, series.LatestTimestamp);
        }

        [Fact]
        public void OutOfOrderInsertsKeepTimestampsSortedAndColumnsAligned()
        {
            var series = NewSeries();
            foreach (var t in new long[] { 50, 10, 40, 10, 30, 20, 60, 5 }) series.Add(t, t * 2, t == 40 ? 3.0 : 1.0, t == 20 ? MetricUnits.Count : MetricUnits.Percent);
            var times = series.Times.Take(series.Count).ToArray();
            Assert.Equal(new long[] { 5, 10, 10, 20, 30, 40, 50, 60 }, times);
            Assert.Equal(times.Select(t => t * 2.0), series.Values.Take(series.Count));
            Assert.Equal(3.0, series.Counts![5]);
            Assert.Equal(1.0, series.Counts![4]);
            Assert.Equal(MetricUnits.Count, series.Units![3]);
            Assert.Equal(MetricUnits.Percent, series.Units![4]);
            Assert.Equal(1, series.LowerBound(6));
            Assert.Equal(3, series.LowerBound(11));
            Assert.Equal(8, series.LowerBound(61));
        }

        [Fact]
        public void StatisticSetsAddSummaryColumnsWithoutChangingEarlierPoints()
        {
            var series = NewSeries();
            series.Add(1, 4, 2.0, MetricUnits.None);
            series.AddStatisticSet(2, 3, 30, 5, 15, MetricUnits.None);
            Assert.Equal(new[] { 8.0, 30.0 }, series.Sums!.Take(2));
            Assert.Equal(new[] { 4.0, 5.0 }, series.Minimums!.Take(2));
            Assert.Equal(new[] { 4.0, 15.0 }, series.Maximums!.Take(2));
            Assert.Equal(new[] { 2.0, 3.0 }, series.Counts!.Take(2));
        }

        [Fact]
        public void IdentityIgnoresDimensionOrder()
        {
            var a = MetricIdentity.Create("N", "M", ("B", "2"), ("A", "1"));
            var b = MetricIdentity.Create("N", "M", ("A", "1"), ("B", "2"));
            Assert.Equal(a.Key, b.Key);
            Assert.Equal("A", a.Dimensions[0].Key);
            Assert.NotEqual(a.Key, MetricIdentity.Create("N", "M", ("A", "1")).Key);
        }
    }
}
