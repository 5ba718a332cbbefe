using System;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    public class GetMetricStatisticsTests
    {
        private const string Ns = "Custom/Jobs";
        private static readonly (string, string)[] Host = { ("Host", "h1") };

        private static string Request(long start, long end, int period, string statisticsMember, string extra = "") =>
            $"{{\"Namespace\":\"{Ns}\",\"MetricName\":\"CPU\",\"Dimensions\":{CloudWatchBench.Dims(Host)},\"StartTime\":{start},\"EndTime\":{end}," +
            $"\"Period\":{period},{statisticsMember}{extra}}}";

        /// <summary>Ten minutes of one value every 10 seconds: value = seconds since start.</summary>
        private static (CloudWatchBench Bench, long Start) TenMinutes()
        {
            var bench = new CloudWatchBench();
            var start = bench.Now - 3600;
            bench.Put(Ns, "CPU", Host, Enumerable.Range(0, 60).Select(i => (start + i * 10L, i * 10.0)));
            return (bench, start);
        }

        [Fact]
        public void AggregatesEachPeriod()
        {
            var (bench, start) = TenMinutes();
            var points = bench.Statistics(Ns, "CPU", Host, start, start + 600, 60);
            Assert.Equal(10, points.Count);
            foreach (var point in points)
            {
                var bucket = CloudWatchBench.TimestampOf(point!);
                var offset = bucket - start;
                Assert.Equal(6, point!["SampleCount"]!.GetValue<double>());
                Assert.Equal(offset, point["Minimum"]!.GetValue<double>());
                Assert.Equal(offset + 50, point["Maximum"]!.GetValue<double>());
                Assert.Equal(6 * offset + 150, point["Sum"]!.GetValue<double>());
                Assert.Equal(offset + 25, point["Average"]!.GetValue<double>());
            }
        }

        [Fact]
        public void OnlyRequestedStatisticsAreReturned()
        {
            var (bench, start) = TenMinutes();
            var point = bench.Statistics(Ns, "CPU", Host, start, start + 60, 60, "[\"Maximum\"]").Single()!.AsObject();
            Assert.Equal(new[] { "Timestamp", "Maximum", "Unit" }, point.Select(p => p.Key));
            var label = bench.CallObject("GetMetricStatistics", Request(start, start + 60, 60, "\"Statistics\":[\"Sum\"]"))["Label"]!.GetValue<string>();
            Assert.Equal("CPU", label);
        }

        [Fact]
        public void StartTimeIsInclusiveAndEndTimeExclusive()
        {
            var (bench, start) = TenMinutes();
            var point = bench.Statistics(Ns, "CPU", Host, start + 60, start + 120, 60, "[\"SampleCount\",\"Minimum\",\"Maximum\"]").Single()!;
            Assert.Equal(6, point["SampleCount"]!.GetValue<double>());
            Assert.Equal(60, point["Minimum"]!.GetValue<double>());
            Assert.Equal(110, point["Maximum"]!.GetValue<double>());
            // The end bound is exclusive even mid-bucket.
            var partial = bench.Statistics(Ns, "CPU", Host, start + 60, start + 90, 60, "[\"SampleCount\",\"Maximum\"]").Single()!;
            Assert.Equal(3, partial["SampleCount"]!.GetValue<double>());
            Assert.Equal(80, partial["Maximum"]!.GetValue<double>());
        }

        [Fact]
        public void BucketsAlignToEpochMultiplesOfThePeriod()
        {
            var bench = new CloudWatchBench();
            var hour = bench.Now - 3600;
            Assert.Equal(0, hour % 3600);
            bench.Put(Ns, "CPU", Host, new[] { (hour + 30, 1.0), (hour + 90, 2.0), (hour + 250, 4.0) });
            var points = bench.Statistics(Ns, "CPU", Host, hour, hour + 600, 120, "[\"Sum\"]");
            var byTime = points.ToDictionary(p => CloudWatchBench.TimestampOf(p!), p => p!["Sum"]!.GetValue<double>());
            Assert.Equal(3.0, byTime[hour]);
            Assert.Equal(4.0, byTime[hour + 240]);
            Assert.Equal(2, byTime.Count);
        }

        [Fact]
        public void DatapointsComeBackInNoParticularOrder()
        {
            var (bench, start) = TenMinutes();
            var times = bench.Statistics(Ns, "CPU", Host, start, start + 600, 60, "[\"Sum\"]").Select(p => CloudWatchBench.TimestampOf(p!)).ToList();
            Assert.Equal(Enumerable.Range(0, 10).Select(i => start + i * 60L), times.OrderBy(t => t));
            Assert.NotEqual(times.OrderBy(t => t), times);
        }

        [Fact]
        public void StatisticsAndExtendedStatisticsAreExclusive()
        {
            var (bench, start) = TenMinutes();
            var both = bench.Fails("GetMetricStatistics", Request(start, start + 60, 60, "\"Statistics\":[\"Sum\"],\"ExtendedStatistics\":[\"p50\"]"));
            Assert.Equal("InvalidParameterCombination", both.QueryCode);
            Assert.Equal("InvalidParameterCombinationException", both.Code);
            var neither = bench.Fails("GetMetricStatistics", Request(start, start + 60, 60, "\"Unit\":\"Percent\""));
            Assert.Equal("InvalidParameterCombination", neither.QueryCode);
        }

        [Theory]
        [InlineData("\"Statistics\":[\"Sum\",\"Average\",\"Minimum\",\"Maximum\",\"SampleCount\",\"Sum\"]", "The collection Statistics must not have a size greater than 5.")]
        [InlineData("\"Statistics\":[\"Sum\",\"Mean\"]", "The parameter Statistics.member.2 must be a value in the set [ Minimum, Maximum, Average, SampleCount, Sum ].")]
        [InlineData("\"ExtendedStatistics\":[\"p1\",\"p2\",\"p3\",\"p4\",\"p5\",\"p6\",\"p7\",\"p8\",\"p9\",\"p10\",\"p11\"]", "The collection ExtendedStatistics must not have a size greater than 10.")]
        [InlineData("\"ExtendedStatistics\":[\"p101\"]", "ExtendedStatistics.member.1")]
        [InlineData("\"ExtendedStatistics\":[\"p99.999\"]", "ExtendedStatistics.member.1")]
        [InlineData("\"ExtendedStatistics\":[\"Average\"]", "ExtendedStatistics.member.1")]
        [InlineData("\"Statistics\":[\"Sum\"],\"Unit\":\"Parsecs\"", "The parameter Unit must be a value in the set")]
        public void InvalidStatisticsAreInvalidParameterValue(string member, string message)
        {
            var (bench, start) = TenMinutes();
            var error = bench.Fails("GetMetricStatistics", Request(start, start + 60, 60, member));
            Assert.Equal("InvalidParameterValue", error.QueryCode);
            Assert.Contains(message, error.Message);
        }

        [Fact]
        public void MoreThan1440DatapointsIsAnErrorWithCloudWatchsMessage()
        {
            var (bench, start) = TenMinutes();
            bench.Statistics(Ns, "CPU", Host, start - 1380 * 60, start + 60 * 60, 60, "[\"Sum\"]");
            var error = bench.Fails("GetMetricStatistics", Request(start - 1381 * 60, start + 60 * 60, 60, "\"Statistics\":[\"Sum\"]"));
            Assert.Equal("InvalidParameterCombination", error.QueryCode);
            Assert.Equal("You have requested up to 1441 datapoints, which exceeds the limit of 1440. " +
                         "You may reduce the datapoints requested by increasing Period, or decreasing the time range.", error.Message);
        }

        [Theory]
        [InlineData(7)]
        [InlineData(90)]
        [InlineData(0)]
        [InlineData(45)]
        public void InvalidPeriodsAreRejected(int period)
        {
            var (bench, start) = TenMinutes();
            var error = bench.Fails("GetMetricStatistics", Request(start, start + 600, period, "\"Statistics\":[\"Sum\"]"));
            Assert.Equal("InvalidParameterValue", error.QueryCode);
        }

        [Fact]
        public void MissingRequiredMembersAreMissingParameter()
        {
            var bench = new CloudWatchBench();
            var error = bench.Fails("GetMetricStatistics", $"{{\"Namespace\":\"{Ns}\",\"MetricName\":\"CPU\",\"EndTime\":{bench.Now},\"Period\":60,\"Statistics\":[\"Sum\"]}}");
            Assert.Equal("MissingParameter", error.QueryCode);
            Assert.Equal("The parameter StartTime is required.", error.Message);
            var period = bench.Fails("GetMetricStatistics", $"{{\"Namespace\":\"{Ns}\",\"MetricName\":\"CPU\",\"StartTime\":{bench.Now - 60},\"EndTime\":{bench.Now},\"Statistics\":[\"Sum\"]}}");
            Assert.Equal("The parameter Period is required.", period.Message);
            var order = bench.Fails("GetMetricStatistics", Request(bench.Now, bench.Now - 60, 60, "\"Statistics\":[\"Sum\"]"));
            Assert.Equal("InvalidParameterValue", order.QueryCode);
        }

        [Fact]
        public void DimensionsMustMatchExactly()
        {
            var (bench, start) = TenMinutes();
            var none = bench.Statistics(Ns, "CPU", Array.Empty<(string, string)>(), start, start + 600, 60);
            Assert.Empty(none);
            var extra = bench.Statistics(Ns, "CPU", new[] { ("Host", "h1"), ("Gpu", "0") }, start, start + 600, 60);
            Assert.Empty(extra);
        }

        [Fact]
        public void UnitFilterSelectsPointsOfThatUnitOnly()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            bench.Put(Ns, "CPU", Host, new[] { (t, 10.0), (t + 1, 20.0) }, unit: "Percent");
            bench.Put(Ns, "CPU", Host, new[] { (t + 2, 5.0) }, unit: "Count");

            var percent = bench.Statistics(Ns, "CPU", Host, t - 60, t + 60, 60, "[\"Sum\"]", unit: "Percent").Single()!;
            Assert.Equal(30, percent["Sum"]!.GetValue<double>());
            Assert.Equal("Percent", percent["Unit"]!.GetValue<string>());
            Assert.Empty(bench.Statistics(Ns, "CPU", Host, t - 60, t + 60, 60, "[\"Sum\"]", unit: "Seconds"));

            // Without a unit each unit's data comes back separately, never converted.
            var all = bench.Statistics(Ns, "CPU", Host, t - 60, t + 60, 60, "[\"Sum\"]");
            Assert.Equal(new[] { ("Count", 5.0), ("Percent", 30.0) },
                all.Select(p => (p!["Unit"]!.GetValue<string>(), p["Sum"]!.GetValue<double>())).OrderBy(p => p.Item1));
        }

        [Fact]
        public void PercentilesUseNearestRankOverWeightedValues()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            var values = string.Join(",", Enumerable.Range(1, 100));
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{{\"MetricName\":\"Lat\",\"Timestamp\":{t},\"Values\":[{values}]}}]}}");
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{{\"MetricName\":\"W\",\"Timestamp\":{t},\"Values\":[1,10,100],\"Counts\":[80,15,5]}}]}}");

            var point = bench.CallObject("GetMetricStatistics",
                $"{{\"Namespace\":\"{Ns}\",\"MetricName\":\"Lat\",\"StartTime\":{t - 60},\"EndTime\":{t + 60},\"Period\":60," +
                "\"ExtendedStatistics\":[\"p0\",\"p50\",\"p90\",\"p99.5\",\"p100\",\"p12.25\"]}")["Datapoints"]!.AsArray().Single()!;
            var extended = point["ExtendedStatistics"]!.AsObject();
            Assert.Equal(1, extended["p0"]!.GetValue<double>());
            Assert.Equal(50, extended["p50"]!.GetValue<double>());
            Assert.Equal(90, extended["p90"]!.GetValue<double>());
            Assert.Equal(100, extended["p99.5"]!.GetValue<double>());
            Assert.Equal(100, extended["p100"]!.GetValue<double>());
            Assert.Equal(13, extended["p12.25"]!.GetValue<double>());
            Assert.Null(point["Sum"]);

            var weighted = bench.CallObject("GetMetricStatistics",
                $"{{\"Namespace\":\"{Ns}\",\"MetricName\":\"W\",\"StartTime\":{t - 60},\"EndTime\":{t + 60},\"Period\":60," +
                "\"ExtendedStatistics\":[\"p80\",\"p81\",\"p95\",\"p96\"]}")["Datapoints"]!.AsArray().Single()!["ExtendedStatistics"]!;
            Assert.Equal(1, weighted["p80"]!.GetValue<double>());
            Assert.Equal(10, weighted["p81"]!.GetValue<double>());
            Assert.Equal(10, weighted["p95"]!.GetValue<double>());
            Assert.Equal(100, weighted["p96"]!.GetValue<double>());
        }

        [Fact]
        public void PercentilesAreUnavailableForNegativeValuesAndSpreadStatisticSets()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            bench.Put(Ns, "Neg", Host, new[] { (t, -1.0), (t + 1, 5.0) });
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{{\"MetricName\":\"Set\",\"Timestamp\":{t},\"StatisticValues\":{{\"SampleCount\":3,\"Sum\":6,\"Minimum\":1,\"Maximum\":3}}}}]}}");
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{{\"MetricName\":\"Flat\",\"Timestamp\":{t},\"StatisticValues\":{{\"SampleCount\":3,\"Sum\":6,\"Minimum\":2,\"Maximum\":2}}}}]}}");

            JsonArray Ask(string name, string dims) => bench.CallObject("GetMetricStatistics",
                $"{{\"Namespace\":\"{Ns}\",\"MetricName\":\"{name}\",\"Dimensions\":{dims},\"StartTime\":{t - 60},\"EndTime\":{t + 60},\"Period\":60," +
                "\"ExtendedStatistics\":[\"p50\"]}")["Datapoints"]!.AsArray();
            Assert.Empty(Ask("Neg", CloudWatchBench.Dims(Host)));
            Assert.Empty(Ask("Set", "[]"));
            Assert.Equal(2, Ask("Flat", "[]").Single()!["ExtendedStatistics"]!["p50"]!.GetValue<double>());
        }

        [Fact]
        public void UnknownMetricAnswersNoDatapoints()
        {
            var bench = new CloudWatchBench();
            var output = bench.CallObject("GetMetricStatistics", Request(bench.Now - 600, bench.Now, 60, "\"Statistics\":[\"Sum\"]"));
            Assert.Empty(output["Datapoints"]!.AsArray());
            Assert.Equal("CPU", output["Label"]!.GetValue<string>());
        }
    }
}
