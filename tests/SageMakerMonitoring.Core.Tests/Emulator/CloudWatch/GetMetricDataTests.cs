using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    public class GetMetricDataTests
    {
        private const string Ns = "Custom/Data";
        private static readonly (string, string)[] H1 = { ("Host", "h1") };
        private static readonly (string, string)[] H2 = { ("Host", "h2") };

        /// <summary>1,000 one-second points per host, value = index (h2: 2 × index).</summary>
        private static (CloudWatchBench Bench, long Start) TwoHosts()
        {
            var bench = new CloudWatchBench();
            var start = bench.Now - 1800;
            bench.Put(Ns, "CPU", H1, Enumerable.Range(0, 1000).Select(i => (start + i, (double)i)), resolution: 1);
            bench.Put(Ns, "CPU", H2, Enumerable.Range(0, 1000).Select(i => (start + i, 2.0 * i)), resolution: 1);
            return (bench, start);
        }

        private static string Request(string queries, long start, long end, string extra = "") =>
            $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{start},\"EndTime\":{end}{extra}}}";

        [Fact]
        public void ReturnsEachQueryNewestFirstByDefault()
        {
            var (bench, start) = TwoHosts();
            var queries = CloudWatchBench.Query("a", Ns, "CPU", H1, 60, "Average") + "," +
                          CloudWatchBench.Query("b", Ns, "CPU", H2, 60, "Maximum", label: "host two");
            var page = bench.CallObject("GetMetricData", Request(queries, start, start + 1000));
            Assert.Null(page["NextToken"]);
            Assert.Empty(page["Messages"]!.AsArray());
            var results = page["MetricDataResults"]!.AsArray();
            Assert.Equal(new[] { "a", "b" }, results.Select(r => r!["Id"]!.GetValue<string>()));
            Assert.Equal("CPU", results[0]!["Label"]!.GetValue<string>());
            Assert.Equal("host two", results[1]!["Label"]!.GetValue<string>());
            Assert.All(results, r => Assert.Equal("Complete", r!["StatusCode"]!.GetValue<string>()));

            var merged = CloudWatchBench.Merge(new[] { page });
            var a = merged["a"];
            Assert.Equal(17, a.Count); // 1,000 s starting on a minute boundary = 16 full minutes + 40 s
            Assert.True(a.Zip(a.Skip(1)).All(p => p.First.Time > p.Second.Time));
            Assert.Equal((start, 29.5), a.Last());
            Assert.Equal((start + 960, 979.5), a.First());
            Assert.Equal((start + 960, 2 * 999.0), merged["b"].First());
        }

        [Fact]
        public void ScanByAscendingReturnsOldestFirst()
        {
            var (bench, start) = TwoHosts();
            var page = bench.CallObject("GetMetricData", Request(CloudWatchBench.Query("a", Ns, "CPU", H1, 1, "Sum"), start, start + 10,
                ",\"ScanBy\":\"TimestampAscending\""));
            var a = CloudWatchBench.Merge(new[] { page })["a"];
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (start + i, (double)i)), a);
        }

        [Theory]
        [InlineData("TimestampDescending")]
        [InlineData("TimestampAscending")]
        public void PagingWithinOneQueryCoversEveryPointOnce(string scanBy)
        {
            var (bench, start) = TwoHosts();
            var query = CloudWatchBench.Query("a", Ns, "CPU", H1, 1, "Maximum");
            var pages = bench.AllPages(query, start, start + 1000, scanBy, maxDatapoints: 70);
            Assert.Equal(15, pages.Count);
            foreach (var page in pages.Take(14))
            {
                var result = page["MetricDataResults"]!.AsArray().Single()!;
                Assert.Equal("PartialData", result["StatusCode"]!.GetValue<string>());
                Assert.Equal(70, result["Values"]!.AsArray().Count);
            }
            Assert.Equal("Complete", pages.Last()["MetricDataResults"]![0]!["StatusCode"]!.GetValue<string>());

            var a = CloudWatchBench.Merge(pages)["a"];
            var expected = Enumerable.Range(0, 1000).Select(i => (start + i, (double)i));
            if (scanBy == "TimestampDescending") expected = expected.Reverse();
            Assert.Equal(expected, a);
        }

        [Fact]
        public void PagingAcrossQueriesCapsEachCallAndRepeatsIds()
        {
            var (bench, start) = TwoHosts();
            var queries = string.Join(",",
                CloudWatchBench.Query("a", Ns, "CPU", H1, 5, "Sum"),
                CloudWatchBench.Query("b", Ns, "CPU", H2, 5, "Sum"),
                CloudWatchBench.Query("c", Ns, "CPU", H1, 10, "SampleCount"));
            var unpaged = CloudWatchBench.Merge(new[] { bench.CallObject("GetMetricData", Request(queries, start, start + 1000)) });
            Assert.Equal(200, unpaged["a"].Count);
            Assert.Equal(100, unpaged["c"].Count);

            var pages = bench.AllPages(queries, start, start + 1000, maxDatapoints: 130);
            Assert.Equal(4, pages.Count); // 500 points / 130
            var idsPerPage = pages.Select(p => p["MetricDataResults"]!.AsArray().Select(r => r!["Id"]!.GetValue<string>()).ToArray()).ToList();
            Assert.Equal(new[] { "a", "b", "c" }, idsPerPage[0]);
            Assert.Equal(new[] { "a", "b", "c" }, idsPerPage[1]);
            Assert.Equal(new[] { "b", "c" }, idsPerPage[2]);
            foreach (var page in pages)
            {
                Assert.True(page["MetricDataResults"]!.AsArray().Sum(r => r!["Values"]!.AsArray().Count) <= 130);
            }
            var merged = CloudWatchBench.Merge(pages);
            foreach (var id in new[] { "a", "b", "c" }) Assert.Equal(unpaged[id], merged[id]);
        }

        [Fact]
        public void ReturnDataFalseQueriesAreNotReturned()
        {
            var (bench, start) = TwoHosts();
            var hidden = CloudWatchBench.Query("a", Ns, "CPU", H1, 60, "Sum");
            var queries = hidden.Substring(0, hidden.Length - 1) + ",\"ReturnData\":false}," +
                          CloudWatchBench.Query("b", Ns, "CPU", H2, 60, "Sum");
            var results = bench.CallObject("GetMetricData", Request(queries, start, start + 600))["MetricDataResults"]!.AsArray();
            Assert.Equal("b", results.Single()!["Id"]!.GetValue<string>());
        }

        [Fact]
        public void PercentileAndUnitFilteredQueries()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            var values = string.Join(",", Enumerable.Range(1, 100));
            bench.Call("PutMetricData", $"{{\"Namespace\":\"{Ns}\",\"MetricData\":[{{\"MetricName\":\"Lat\",\"Timestamp\":{t},\"Values\":[{values}],\"Unit\":\"Milliseconds\"}}]}}");
            var queries = string.Join(",",
                CloudWatchBench.Query("p90", Ns, "Lat", Array.Empty<(string, string)>(), 60, "p90"),
                CloudWatchBench.Query("ms", Ns, "Lat", Array.Empty<(string, string)>(), 60, "SampleCount", unit: "Milliseconds"),
                CloudWatchBench.Query("sec", Ns, "Lat", Array.Empty<(string, string)>(), 60, "SampleCount", unit: "Seconds"));
            var merged = CloudWatchBench.Merge(new[] { bench.CallObject("GetMetricData", Request(queries, t - 60, t + 60)) });
            Assert.Equal(90, merged["p90"].Single().Value);
            Assert.Equal(100, merged["ms"].Single().Value);
            Assert.Empty(merged["sec"]);
        }

        [Fact]
        public void InvalidIdsAreAllReportedAsValidationError()
        {
            var (bench, start) = TwoHosts();
            var queries = string.Join(",",
                CloudWatchBench.Query("1abc", Ns, "CPU", H1, 60, "Sum"),
                CloudWatchBench.Query("ok_1", Ns, "CPU", H1, 60, "Sum"),
                CloudWatchBench.Query("Upper", Ns, "CPU", H1, 60, "Sum"),
                CloudWatchBench.Query("a-b", Ns, "CPU", H1, 60, "Sum"));
            var error = bench.Fails("GetMetricData", Request(queries, start, start + 60));
            Assert.Equal("ValidationError", error.Code);
            Assert.Equal("ValidationError", error.QueryCode);
            Assert.Equal(
                "The value 1abc for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.\n" +
                "The value Upper for parameter MetricDataQueries.member.3.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.\n" +
                "The value a-b for parameter MetricDataQueries.member.4.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.",
                error.Message);

            var duplicate = bench.Fails("GetMetricData", Request(
                CloudWatchBench.Query("m", Ns, "CPU", H1, 60, "Sum") + "," + CloudWatchBench.Query("m", Ns, "CPU", H2, 60, "Sum"), start, start + 60));
            Assert.Contains("MetricDataQueries.member.2.Id", duplicate.Message);

            var longId = "a" + new string('b', 255);
            Assert.Equal("ValidationError", bench.Fails("GetMetricData", Request(CloudWatchBench.Query(longId, Ns, "CPU", H1, 60, "Sum"), start, start + 60)).Code);
            bench.Call("GetMetricData", Request(CloudWatchBench.Query("a" + new string('B', 254), Ns, "CPU", H1, 60, "Sum"), start, start + 60));
        }

        [Fact]
        public void AtMostFiveHundredQueries()
        {
            var (bench, start) = TwoHosts();
            string Queries(int n) => string.Join(",", Enumerable.Range(0, n).Select(i => CloudWatchBench.Query($"q{i}", Ns, "CPU", H1, 60, "Sum")));
            var ok = bench.CallObject("GetMetricData", Request(Queries(500), start, start + 60));
            Assert.Equal(500, ok["MetricDataResults"]!.AsArray().Count);
            var error = bench.Fails("GetMetricData", Request(Queries(501), start, start + 60));
            Assert.Equal("ValidationError", error.Code);
            Assert.Equal("The collection MetricDataQueries must not have a size greater than 500.", error.Message);
        }

        [Fact]
        public void ExpressionsAreReportedAsUnsupported()
        {
            var (bench, start) = TwoHosts();
            var error = bench.Fails("GetMetricData", Request("{\"Id\":\"e1\",\"Expression\":\"SUM(METRICS())\"}", start, start + 60));
            Assert.Equal("ValidationError", error.Code);
            Assert.Contains("not supported", error.Message);
            var missing = bench.Fails("GetMetricData", Request("{\"Id\":\"e1\"}", start, start + 60));
            Assert.Equal("The parameter MetricDataQueries.member.1.MetricStat is required.", missing.Message);
        }

        [Theory]
        [InlineData("Median", "The value Median for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.")]
        [InlineData("p100.5", "is not a valid statistic")]
        public void InvalidStatIsValidationError(string stat, string message)
        {
            var (bench, start) = TwoHosts();
            var error = bench.Fails("GetMetricData", Request(CloudWatchBench.Query("a", Ns, "CPU", H1, 60, stat), start, start + 60));
            Assert.Equal("ValidationError", error.Code);
            Assert.Contains(message, error.Message);
        }

        [Fact]
        public void PeriodRulesAndTimeOrderAreChecked()
        {
            var (bench, start) = TwoHosts();
            var badPeriod = bench.Fails("GetMetricData", Request(CloudWatchBench.Query("a", Ns, "CPU", H1, 45, "Sum"), start, start + 60));
            Assert.Equal("InvalidParameterValue", badPeriod.QueryCode);
            bench.Put(Ns, "Std", H1, new[] { (start, 1.0) });
            var standard = bench.Fails("GetMetricData", Request(CloudWatchBench.Query("a", Ns, "Std", H1, 10, "Sum"), start, start + 60));
            Assert.Equal("InvalidParameterValue", standard.QueryCode);
            var same = bench.Fails("GetMetricData", Request(CloudWatchBench.Query("a", Ns, "CPU", H1, 60, "Sum"), start, start));
            Assert.Equal("The parameter StartTime must not equal parameter EndTime.", same.Message);
            Assert.Equal("ValidationError", bench.Fails("GetMetricData", Request(CloudWatchBench.Query("a", Ns, "CPU", H1, 60, "Sum"), start, start - 60)).Code);
            Assert.Equal("ValidationError", bench.Fails("GetMetricData",
                Request(CloudWatchBench.Query("a", Ns, "CPU", H1, 60, "Sum"), start, start + 60, ",\"ScanBy\":\"Sideways\"")).Code);
        }

        [Fact]
        public void ForeignOrGarbageTokensAreInvalidNextToken()
        {
            var (bench, start) = TwoHosts();
            var query = CloudWatchBench.Query("a", Ns, "CPU", H1, 1, "Sum");
            var first = bench.CallObject("GetMetricData", Request(query, start, start + 1000, ",\"MaxDatapoints\":10"));
            var token = first["NextToken"]!.GetValue<string>();

            var garbage = bench.Fails("GetMetricData", Request(query, start, start + 1000, ",\"NextToken\":\"not-a-token\""));
            Assert.Equal("InvalidNextToken", garbage.Code);
            Assert.Equal("InvalidNextToken", garbage.QueryCode);
            var otherRange = bench.Fails("GetMetricData", Request(query, start, start + 999, $",\"NextToken\":\"{token}\""));
            Assert.Equal("InvalidNextToken", otherRange.Code);
            var otherQuery = bench.Fails("GetMetricData", Request(CloudWatchBench.Query("a", Ns, "CPU", H2, 1, "Sum"), start, start + 1000, $",\"NextToken\":\"{token}\""));
            Assert.Equal("InvalidNextToken", otherQuery.Code);
            // The same request with the token continues.
            var second = bench.CallObject("GetMetricData", Request(query, start, start + 1000, $",\"MaxDatapoints\":10,\"NextToken\":\"{token}\""));
            Assert.Equal(10, second["MetricDataResults"]![0]!["Values"]!.AsArray().Count);
        }

        [Fact]
        public void QueryProtocolStringValuesWork()
        {
            var (bench, start) = TwoHosts();
            var request = "{\"MetricDataQueries\":[{\"Id\":\"a\",\"ReturnData\":\"true\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"" + Ns +
                          "\",\"MetricName\":\"CPU\",\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h1\"}]},\"Period\":\"60\",\"Stat\":\"Minimum\"}}]," +
                          $"\"StartTime\":\"{CloudWatchBench.Iso(start)}\",\"EndTime\":\"{CloudWatchBench.Iso(start + 120)}\",\"MaxDatapoints\":\"1\",\"ScanBy\":\"TimestampAscending\"}}";
            var page = bench.CallObject("GetMetricData", request);
            Assert.Equal((start, 0.0), CloudWatchBench.Merge(new[] { page })["a"].Single());
            Assert.NotNull(page["NextToken"]);
        }

        [Fact]
        public void MissingMetricsAreCompleteAndEmpty()
        {
            var (bench, start) = TwoHosts();
            var page = bench.CallObject("GetMetricData", Request(CloudWatchBench.Query("x", Ns, "Nope", H1, 60, "Sum"), start, start + 600));
            var result = page["MetricDataResults"]!.AsArray().Single()!;
            Assert.Equal("Complete", result["StatusCode"]!.GetValue<string>());
            Assert.Empty(result["Timestamps"]!.AsArray());
            Assert.Equal("Nope", result["Label"]!.GetValue<string>());
        }
    }
}
