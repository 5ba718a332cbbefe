using System;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    public class PutMetricDataTests
    {
        private const string Ns = "Custom/Train";
        private static readonly (string, string)[] Host = { ("Host", "h1") };

        private static string Datum(string body) => $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{body}]}}";

        [Fact]
        public void SingleValuesAggregateIntoPeriods()
        {
            var bench = new CloudWatchBench();
            var t0 = bench.Now - 3600;
            bench.Put(Ns, "Loss", Host, new[] { (t0, 1.0), (t0 + 10, 3.0), (t0 + 20, 8.0) });

            var points = bench.Statistics(Ns, "Loss", Host, t0, t0 + 60, 60);
            var point = Assert.Single(points)!;
            Assert.Equal(3, point["SampleCount"]!.GetValue<double>());
            Assert.Equal(12, point["Sum"]!.GetValue<double>());
            Assert.Equal(4, point["Average"]!.GetValue<double>());
            Assert.Equal(1, point["Minimum"]!.GetValue<double>());
            Assert.Equal(8, point["Maximum"]!.GetValue<double>());
            Assert.Equal("Percent", point["Unit"]!.GetValue<string>());
            Assert.Equal(t0 - t0 % 60, CloudWatchBench.TimestampOf(point));
        }

        [Fact]
        public void ValuesWithCountsAreWeighted()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            bench.Call("PutMetricData", Datum($"{{\"MetricName\":\"Latency\",\"Timestamp\":{t},\"Values\":[10,20,30],\"Counts\":[1,2,3],\"Unit\":\"Milliseconds\"}}"));

            var point = Assert.Single(bench.Statistics(Ns, "Latency", Array.Empty<(string, string)>(), t - 60, t + 60, 60))!;
            Assert.Equal(6, point["SampleCount"]!.GetValue<double>());
            Assert.Equal(10 + 40 + 90, point["Sum"]!.GetValue<double>());
            Assert.Equal(10, point["Minimum"]!.GetValue<double>());
            Assert.Equal(30, point["Maximum"]!.GetValue<double>());
            Assert.Equal("Milliseconds", point["Unit"]!.GetValue<string>());
        }

        [Fact]
        public void StatisticSetsAreStoredAsGiven()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            bench.Call("PutMetricData", Datum(
                $"{{\"MetricName\":\"Batch\",\"Timestamp\":{t},\"StatisticValues\":{{\"SampleCount\":4,\"Sum\":100,\"Minimum\":5,\"Maximum\":50}}}}"));
            bench.Call("PutMetricData", Datum($"{{\"MetricName\":\"Batch\",\"Timestamp\":{t + 1},\"Value\":70}}"));

            var point = Assert.Single(bench.Statistics(Ns, "Batch", Array.Empty<(string, string)>(), t - 60, t + 60, 60))!;
            Assert.Equal(5, point["SampleCount"]!.GetValue<double>());
            Assert.Equal(170, point["Sum"]!.GetValue<double>());
            Assert.Equal(5, point["Minimum"]!.GetValue<double>());
            Assert.Equal(70, point["Maximum"]!.GetValue<double>());
            Assert.Equal(34, point["Average"]!.GetValue<double>());
            Assert.Equal("None", point["Unit"]!.GetValue<string>());
        }

        [Fact]
        public void QueryProtocolStringsAndIsoTimestampsAreAccepted()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 120;
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[" +
                $"{{\"MetricName\":\"Q\",\"Timestamp\":\"{CloudWatchBench.Iso(t)}\",\"Value\":\"2.5\",\"StorageResolution\":\"1\"}}," +
                $"{{\"MetricName\":\"Q\",\"Timestamp\":\"{t + 1}\",\"Values\":[\"1\",\"2\"],\"Counts\":[\"1\",\"1\"],\"StorageResolution\":\"1\"}}]}}");

            var points = bench.Statistics(Ns, "Q", Array.Empty<(string, string)>(), t, t + 2, 1, "[\"Sum\",\"SampleCount\"]");
            Assert.Equal(2, points.Count);
            var byTime = points.ToDictionary(p => CloudWatchBench.TimestampOf(p!), p => p!["Sum"]!.GetValue<double>());
            Assert.Equal(2.5, byTime[t]);
            Assert.Equal(3, byTime[t + 1]);
        }

        [Fact]
        public void DimensionOrderDoesNotMakeADifferentMetric()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 120;
            bench.Put(Ns, "M", new[] { ("A", "1"), ("B", "2") }, new[] { (t, 1.0) });
            bench.Put(Ns, "M", new[] { ("B", "2"), ("A", "1") }, new[] { (t + 1, 2.0) });

            var list = bench.CallObject("ListMetrics", $"{{\"Namespace\":\"{Ns}\"}}")["Metrics"]!.AsArray();
            Assert.Single(list);
            var point = Assert.Single(bench.Statistics(Ns, "M", new[] { ("B", "2"), ("A", "1") }, t - 60, t + 60, 60))!;
            Assert.Equal(2, point["SampleCount"]!.GetValue<double>());
        }

        [Fact]
        public void HighResolutionIsRememberedPerMetric()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 100;
            bench.Put(Ns, "Fast", Host, Enumerable.Range(0, 10).Select(i => (t + i, (double)i)), resolution: 1);
            bench.Put(Ns, "Slow", Host, Enumerable.Range(0, 10).Select(i => (t + i, (double)i)), resolution: 60);

            Assert.Equal(10, bench.Statistics(Ns, "Fast", Host, t, t + 10, 1).Count);
            var error = bench.Fails("GetMetricStatistics",
                $"{{\"Namespace\":\"{Ns}\",\"MetricName\":\"Slow\",\"Dimensions\":{CloudWatchBench.Dims(Host)},\"StartTime\":{t},\"EndTime\":{t + 10},\"Period\":1,\"Statistics\":[\"Sum\"]}}");
            Assert.Equal("InvalidParameterValue", error.QueryCode);
        }

        [Theory]
        [InlineData("{\"MetricName\":\"X\",\"Value\":1,\"StorageResolution\":5}", "InvalidParameterValue", "StorageResolution")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":\"NaN\"}", "InvalidParameterValue", "The value NaN for parameter MetricData.member.1.Value is invalid.")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":\"Infinity\"}", "InvalidParameterValue", "The value Infinity for parameter MetricData.member.1.Value is invalid.")]
        [InlineData("{\"MetricName\":\"X\",\"Values\":[1,\"-Infinity\"]}", "InvalidParameterValue", "MetricData.member.1.Values.member.2")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":1e200}", "InvalidParameterValue", "MetricData.member.1.Value is invalid")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":1,\"StatisticValues\":{\"SampleCount\":1,\"Sum\":1,\"Minimum\":1,\"Maximum\":1}}", "InvalidParameterCombination",
            "The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":1,\"Values\":[1]}", "InvalidParameterCombination", "mutually exclusive")]
        [InlineData("{\"MetricName\":\"X\",\"Values\":[1,2],\"Counts\":[1]}", "InvalidParameterValue",
            "The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.")]
        [InlineData("{\"MetricName\":\"X\",\"StatisticValues\":{\"SampleCount\":1,\"Sum\":1,\"Minimum\":1}}", "MissingParameter",
            "The parameter MetricData.member.1.StatisticValues.Maximum is required.")]
        [InlineData("{\"Value\":1}", "MissingParameter", "The parameter MetricData.member.1.MetricName is required.")]
        [InlineData("{\"MetricName\":\"X\"}", "MissingParameter", "MetricData.member.1.Value")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":1,\"Unit\":\"Furlongs\"}", "InvalidParameterValue", "The parameter MetricData.member.1.Unit must be a value in the set [ Seconds,")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":1,\"Dimensions\":[{\"Name\":\"A\",\"Value\":\"1\"},{\"Name\":\"A\",\"Value\":\"2\"}]}", "InvalidParameterValue", "Dimensions.member.2.Name")]
        [InlineData("{\"MetricName\":\"X\",\"Value\":1,\"Dimensions\":[{\"Name\":\"A\"}]}", "MissingParameter", "The parameter MetricData.member.1.Dimensions.member.1.Value is required.")]
        public void InvalidDataIsRejectedWithTheServiceCodes(string datum, string queryCode, string messagePart)
        {
            var bench = new CloudWatchBench();
            var error = bench.Fails("PutMetricData", Datum(datum));
            Assert.Equal(queryCode, error.QueryCode);
            Assert.Equal(400, error.StatusCode);
            Assert.Contains(messagePart, error.Message);
            Assert.Equal(queryCode switch
            {
                "InvalidParameterValue" => "InvalidParameterValueException",
                "InvalidParameterCombination" => "InvalidParameterCombinationException",
                _ => "MissingRequiredParameterException",
            }, error.Code);
        }

        [Fact]
        public void NamespaceIsRequiredAndMayNotBeAnAwsNamespace()
        {
            var bench = new CloudWatchBench();
            var missing = bench.Fails("PutMetricData", "{\"MetricData\":[{\"MetricName\":\"X\",\"Value\":1}]}");
            Assert.Equal("MissingParameter", missing.QueryCode);
            Assert.Equal("The parameter Namespace is required.", missing.Message);
            var reserved = bench.Fails("PutMetricData", "{\"Namespace\":\"AWS/EC2\",\"MetricData\":[{\"MetricName\":\"X\",\"Value\":1}]}");
            Assert.Equal("InvalidParameterValue", reserved.QueryCode);
            Assert.Equal("The value AWS/EC2 for parameter Namespace is invalid.", reserved.Message);
        }

        [Fact]
        public void TimestampsMustBeWithinTwoWeeksPastAndTwoHoursAhead()
        {
            var bench = new CloudWatchBench();
            var now = bench.Now;
            var error = bench.Fails("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[" +
                $"{{\"MetricName\":\"X\",\"Timestamp\":{now - 15 * 86400},\"Value\":1}}," +
                $"{{\"MetricName\":\"X\",\"Timestamp\":{now - 60},\"Value\":1}}," +
                $"{{\"MetricName\":\"X\",\"Timestamp\":{now - 20 * 86400},\"Value\":1}}]}}");
            Assert.Equal("InvalidParameterValue", error.QueryCode);
            Assert.Equal("The parameter MetricData.member.1.Timestamp must specify a time within the past two weeks.\n" +
                         "The parameter MetricData.member.3.Timestamp must specify a time within the past two weeks.", error.Message);
            // Nothing of a rejected request is stored.
            Assert.Empty(bench.CallObject("ListMetrics", "{}")["Metrics"]!.AsArray());

            var future = bench.Fails("PutMetricData", Datum($"{{\"MetricName\":\"X\",\"Timestamp\":{now + 2 * 3600 + 60},\"Value\":1}}"));
            Assert.Equal("The parameter MetricData.member.1.Timestamp must specify a time no more than two hours in the future.", future.Message);

            bench.Call("PutMetricData", Datum($"{{\"MetricName\":\"X\",\"Timestamp\":{now + 2 * 3600 - 60},\"Value\":1}}"));
            bench.Call("PutMetricData", Datum($"{{\"MetricName\":\"X\",\"Timestamp\":{now - 14 * 86400 + 60},\"Value\":1}}"));
            Assert.Single(bench.CallObject("ListMetrics", "{}")["Metrics"]!.AsArray());
        }

        [Fact]
        public void TimestampDefaultsToNow()
        {
            var bench = new CloudWatchBench();
            bench.Call("PutMetricData", Datum("{\"MetricName\":\"X\",\"Value\":4,\"StorageResolution\":1}"));
            var point = Assert.Single(bench.Statistics(Ns, "X", Array.Empty<(string, string)>(), bench.Now - 5, bench.Now + 5, 1))!;
            Assert.Equal(bench.Now, CloudWatchBench.TimestampOf(point));
        }

        [Fact]
        public void RequestLimitsAreEnforcedAtTheBoundary()
        {
            var bench = new CloudWatchBench();
            string Data(int n) => string.Join(",", Enumerable.Range(0, n).Select(i => $"{{\"MetricName\":\"M{i}\",\"Value\":1}}"));
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{Data(1000)}]}}");
            var tooMany = bench.Fails("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{Data(1001)}]}}");
            Assert.Equal("InvalidParameterValue", tooMany.QueryCode);
            Assert.Equal("The collection MetricData must not have a size greater than 1000.", tooMany.Message);

            string Values(int n) => string.Join(",", Enumerable.Range(0, n));
            bench.Call("PutMetricData", Datum($"{{\"MetricName\":\"V\",\"Values\":[{Values(150)}]}}"));
            var tooManyValues = bench.Fails("PutMetricData", Datum($"{{\"MetricName\":\"V\",\"Values\":[{Values(151)}]}}"));
            Assert.Equal("The collection MetricData.member.1.Values must not have a size greater than 150.", tooManyValues.Message);

            string Dimensions(int n) => CloudWatchBench.Dims(Enumerable.Range(0, n).Select(i => ($"D{i}", "v")).ToArray());
            bench.Call("PutMetricData", Datum($"{{\"MetricName\":\"D\",\"Value\":1,\"Dimensions\":{Dimensions(30)}}}"));
            var tooManyDimensions = bench.Fails("PutMetricData", Datum($"{{\"MetricName\":\"D\",\"Value\":1,\"Dimensions\":{Dimensions(31)}}}"));
            Assert.Equal("The collection MetricData.member.1.Dimensions must not have a size greater than 30.", tooManyDimensions.Message);

            var listed = bench.CallObject("ListMetrics", $"{{\"Namespace\":\"{Ns}\"}}");
            Assert.Equal(500, listed["Metrics"]!.AsArray().Count);
            Assert.NotNull(listed["NextToken"]);
        }

        [Fact]
        public void EntityMetricDataCountsTowardTheLimitAndIsStored()
        {
            var bench = new CloudWatchBench();
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"EntityMetricData\":[{{\"Entity\":{{\"KeyAttributes\":{{\"Type\":\"Service\"}}}}," +
                                        "\"MetricData\":[{\"MetricName\":\"E\",\"Value\":1}]}]}");
            Assert.Single(bench.CallObject("ListMetrics", "{\"MetricName\":\"E\"}")["Metrics"]!.AsArray());
        }

        [Fact]
        public void OutOfOrderPutsAreSortedIntoTheSeries()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 50;
            bench.Put(Ns, "O", Host, new[] { (t + 5, 5.0), (t + 1, 1.0), (t + 3, 3.0), (t + 1, 1.5), (t + 4, 4.0) }, resolution: 1);
            var page = bench.CallObject("GetMetricData",
                $"{{\"MetricDataQueries\":[{CloudWatchBench.Query("o", Ns, "O", Host, 1, "Sum")}],\"StartTime\":{t},\"EndTime\":{t + 10},\"ScanBy\":\"TimestampAscending\"}}");
            var merged = CloudWatchBench.Merge(new[] { page })["o"];
            Assert.Equal(new[] { t + 1, t + 3, t + 4, t + 5 }, merged.Select(p => p.Time));
            Assert.Equal(new[] { 2.5, 3, 4, 5 }, merged.Select(p => p.Value));
        }
    }
}
