using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    public class ListMetricsTests
    {
        private static List<string> Names(JsonObject output) =>
            output["Metrics"]!.AsArray().Select(m => m!["MetricName"]!.GetValue<string>() + ":" +
                string.Join(",", m["Dimensions"]!.AsArray().Select(d => d!["Name"]!.GetValue<string>() + "=" + d["Value"]!.GetValue<string>())))
                .ToList();

        private static CloudWatchBench Populated()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 300;
            bench.Put("App/A", "CPU", new[] { ("Host", "h1") }, new[] { (t, 1.0) });
            bench.Put("App/A", "CPU", new[] { ("Host", "h2") }, new[] { (t, 1.0) });
            bench.Put("App/A", "CPU", new[] { ("Host", "h1"), ("Gpu", "0") }, new[] { (t, 1.0) });
            bench.Put("App/A", "Mem", new[] { ("Host", "h1") }, new[] { (t, 1.0) });
            bench.Put("App/A", "Total", Array.Empty<(string, string)>(), new[] { (t, 1.0) });
            bench.Put("App/B", "CPU", new[] { ("Host", "h1") }, new[] { (t, 1.0) });
            return bench;
        }

        [Fact]
        public void FiltersByNamespaceNameAndDimensions()
        {
            var bench = Populated();
            Assert.Equal(6, bench.CallObject("ListMetrics", "{}")["Metrics"]!.AsArray().Count);
            Assert.Equal(5, bench.CallObject("ListMetrics", "{\"Namespace\":\"App/A\"}")["Metrics"]!.AsArray().Count);
            Assert.Equal(new[] { "CPU:Gpu=0,Host=h1", "CPU:Host=h1", "CPU:Host=h2" },
                Names(bench.CallObject("ListMetrics", "{\"Namespace\":\"App/A\",\"MetricName\":\"CPU\"}")));
            // A name-only filter matches any value; extra dimensions still match.
            Assert.Equal(new[] { "CPU:Gpu=0,Host=h1", "CPU:Host=h1", "Mem:Host=h1" },
                Names(bench.CallObject("ListMetrics", "{\"Namespace\":\"App/A\",\"Dimensions\":[{\"Name\":\"Host\",\"Value\":\"h1\"}]}")));
            Assert.Equal(new[] { "CPU:Gpu=0,Host=h1" },
                Names(bench.CallObject("ListMetrics", "{\"Dimensions\":[{\"Name\":\"Gpu\"}]}")));
            Assert.Empty(Names(bench.CallObject("ListMetrics", "{\"Namespace\":\"App/a\"}")));
        }

        [Fact]
        public void OutputHasTheMetricShape()
        {
            var bench = Populated();
            var metric = bench.CallObject("ListMetrics", "{\"Namespace\":\"App/B\"}")["Metrics"]!.AsArray().Single()!;
            Assert.Equal("App/B", metric["Namespace"]!.GetValue<string>());
            Assert.Equal("CPU", metric["MetricName"]!.GetValue<string>());
            var dimension = metric["Dimensions"]!.AsArray().Single()!;
            Assert.Equal("Host", dimension["Name"]!.GetValue<string>());
            Assert.Equal("h1", dimension["Value"]!.GetValue<string>());
            var linked = bench.CallObject("ListMetrics", "{\"Namespace\":\"App/B\",\"IncludeLinkedAccounts\":\"true\"}");
            Assert.Equal("123456789012", linked["OwningAccounts"]!.AsArray().Single()!.GetValue<string>());
        }

        [Fact]
        public void PagesHoldFiveHundredMetricsAndCoverEverything()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 60;
            var data = Enumerable.Range(0, 1201).Select(i => $"{{\"MetricName\":\"M\",\"Dimensions\":[{{\"Name\":\"N\",\"Value\":\"{i:D5}\"}}],\"Timestamp\":{t},\"Value\":1}}").ToList();
            for (var i = 0; i < data.Count; i += 1000)
            {
                bench.Call("PutMetricData", $"{{\"Namespace\":\"Many\",\"MetricData\":[{string.Join(",", data.Skip(i).Take(1000))}]}}");
            }

            var sizes = new List<int>();
            var seen = new HashSet<string>();
            string? token = null;
            do
            {
                var request = token == null ? "{\"Namespace\":\"Many\"}" : $"{{\"Namespace\":\"Many\",\"NextToken\":\"{token}\"}}";
                var page = bench.CallObject("ListMetrics", request);
                var names = Names(page);
                sizes.Add(names.Count);
                foreach (var name in names) Assert.True(seen.Add(name), "listed twice: " + name);
                token = page["NextToken"]?.GetValue<string>();
            } while (token != null);

            Assert.Equal(new[] { 500, 500, 201 }, sizes);
            Assert.Equal(1201, seen.Count);
        }

        [Fact]
        public void RecentlyActiveListsOnlyMetricsWithDataInTheLastThreeHours()
        {
            var bench = new CloudWatchBench();
            bench.Put("App", "Old", Array.Empty<(string, string)>(), new[] { (bench.Now - 4 * 3600, 1.0) });
            bench.Put("App", "New", Array.Empty<(string, string)>(), new[] { (bench.Now - 3600, 1.0) });
            Assert.Equal(2, Names(bench.CallObject("ListMetrics", "{}")).Count);
            Assert.Equal(new[] { "New:" }, Names(bench.CallObject("ListMetrics", "{\"RecentlyActive\":\"PT3H\"}")));
            var error = bench.Fails("ListMetrics", "{\"RecentlyActive\":\"PT1H\"}");
            Assert.Equal("InvalidParameterValue", error.QueryCode);
        }

        [Fact]
        public void MetricsWithoutDataForTwoWeeksAreNotListedButStayReadable()
        {
            var bench = new CloudWatchBench();
            var t = bench.Now - 600;
            bench.Put("App", "Quiet", Array.Empty<(string, string)>(), new[] { (t, 7.0) });
            bench.Advance(TimeSpan.FromDays(13));
            Assert.Single(Names(bench.CallObject("ListMetrics", "{}")));
            bench.Advance(TimeSpan.FromDays(2));
            Assert.Empty(Names(bench.CallObject("ListMetrics", "{}")));
            // Still retrievable by exact name (a 15-day-old StartTime needs a multiple of 300 as period).
            var points = bench.Statistics("App", "Quiet", Array.Empty<(string, string)>(), t - 300, t + 300, 300, "[\"Maximum\"]");
            Assert.Equal(7.0, Assert.Single(points)!["Maximum"]!.GetValue<double>());
        }

        [Fact]
        public void InvalidRequestsAreRejected()
        {
            var bench = Populated();
            Assert.Equal("InvalidParameterValue", bench.Fails("ListMetrics", "{\"NextToken\":\"garbage!\"}").QueryCode);
            var filters = string.Join(",", Enumerable.Range(0, 11).Select(i => $"{{\"Name\":\"D{i}\"}}"));
            var tooMany = bench.Fails("ListMetrics", $"{{\"Dimensions\":[{filters}]}}");
            Assert.Equal("InvalidParameterValue", tooMany.QueryCode);
            Assert.Equal("The collection Dimensions must not have a size greater than 10.", tooMany.Message);
            Assert.Equal("MissingParameter", bench.Fails("ListMetrics", "{\"Dimensions\":[{\"Value\":\"x\"}]}").QueryCode);
        }
    }
}
