using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics.Publishing;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics.Publishing
{
    public sealed class PutMetricDataBatcherTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        private static readonly MetricDimension[] HostDim = { new MetricDimension("Host", "job/algo-1") };

        private static MetricWriteDatum D(int second, double value, string ns = "Test/A", string metric = "M", MetricDimension[]? dims = null) =>
            new MetricWriteDatum(ns, metric, dims ?? HostDim, T0.AddSeconds(second), value, "Count", 1);

        private static List<MetricWriteBatch> Run(PutMetricDataBatcher batcher, IEnumerable<MetricWriteDatum> data)
        {
            var batches = new List<MetricWriteBatch>();
            foreach (var d in data) { var full = batcher.Add(d); if (full != null) batches.Add(full); }
            batches.AddRange(batcher.Flush());
            return batches;
        }

        [Fact]
        public void Distinct_timestamps_fill_calls_of_1000_metric_data()
        {
            var batches = Run(new PutMetricDataBatcher(), Enumerable.Range(0, 2500).Select(i => D(i, i)));
            Assert.Equal(new[] { 1000, 1000, 500 }, batches.Select(b => b.Data.Count));
            Assert.Equal(2500, batches.Sum(b => b.Points));
            // Order is kept within the series.
            var times = batches.SelectMany(b => b.Data).Select(d => d.Timestamp).ToList();
            Assert.Equal(times.OrderBy(t => t), times);
            Assert.All(batches.SelectMany(b => b.Data), d => Assert.True(d.Value.HasValue && d.Values.Count == 0));
        }

        [Fact]
        public void Same_metric_dimensions_and_timestamp_fold_into_values_and_counts()
        {
            var batches = Run(new PutMetricDataBatcher(), new[] { D(0, 5), D(0, 5), D(0, 7), D(1, 5), D(0, 5) });
            var data = Assert.Single(batches).Data;
            Assert.Equal(2, data.Count);
            Assert.Equal(new[] { 5.0, 7.0 }, data[0].Values);
            Assert.Equal(new[] { 3.0, 1.0 }, data[0].Counts);
            Assert.Equal(5.0, data[1].Value);
            Assert.Equal(5, batches[0].Points);
        }

        [Fact]
        public void Values_without_repeats_carry_no_counts()
        {
            var data = Assert.Single(Run(new PutMetricDataBatcher(), new[] { D(0, 1), D(0, 2), D(0, 3) })).Data;
            var datum = Assert.Single(data);
            Assert.Equal(new[] { 1.0, 2.0, 3.0 }, datum.Values);
            Assert.Empty(datum.Counts);
        }

        [Fact]
        public void A_datum_holds_at_most_150_unique_values()
        {
            var data = Run(new PutMetricDataBatcher(), Enumerable.Range(0, 151).Select(i => D(0, i))).Single().Data;
            Assert.Equal(2, data.Count);
            Assert.Equal(150, data[0].Values.Count);
            Assert.Equal(150.0, data[1].Value);
        }

        [Fact]
        public void Namespaces_never_share_a_call()
        {
            var batches = Run(new PutMetricDataBatcher(), new[] { D(0, 1, "A"), D(1, 1, "B"), D(2, 1, "A") });
            Assert.Equal(new[] { "A", "B" }, batches.Select(b => b.Namespace));
            Assert.Equal(new[] { 2, 1 }, batches.Select(b => b.Data.Count));
        }

        [Fact]
        public void The_body_stays_under_the_size_limit()
        {
            // 30 dimensions with 1,024-character values: about 31 KB per datum, so a 1 MB call holds ~30 of them.
            var dims = Enumerable.Range(0, 30).Select(i => new MetricDimension("D" + i, new string('v', 1024))).ToArray();
            var batches = Run(new PutMetricDataBatcher(), Enumerable.Range(0, 200).Select(i => D(i, i, dims: dims)));
            Assert.True(batches.Count > 1);
            Assert.All(batches, b => Assert.True(b.EstimatedBytes <= PutMetricDataBatcher.MaxBodyBytes, b.EstimatedBytes.ToString()));
            Assert.Equal(200, batches.Sum(b => b.Points));
            // The estimate is an upper bound of what the client really writes.
            foreach (var b in batches)
            {
                var json = System.Text.Json.JsonSerializer.Serialize(b.Data);
                Assert.True(json.Length <= b.EstimatedBytes, json.Length + " > " + b.EstimatedBytes);
            }
        }
    }

    public sealed class MetricDatumRulesTests
    {
        private static readonly DateTime Now = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

        private static MetricWriteDatum D(double value = 1, DateTime? at = null, string? unit = null, int resolution = 60,
            string ns = "Team/A", string metric = "M", params MetricDimension[] dims) =>
            new MetricWriteDatum(ns, metric, dims, at ?? Now, value, unit, resolution);

        [Fact]
        public void Values_CloudWatch_takes_pass()
        {
            Assert.Null(MetricDatumRules.Check(D(Math.Pow(2, 360)), Now));
            Assert.Null(MetricDatumRules.Check(D(-Math.Pow(2, 360)), Now));
            Assert.Null(MetricDatumRules.Check(D(at: Now - TimeSpan.FromDays(14)), Now));
            Assert.Null(MetricDatumRules.Check(D(at: Now + TimeSpan.FromHours(2)), Now));
            Assert.Null(MetricDatumRules.Check(D(unit: "Bytes/Second", resolution: 1), Now));
            Assert.Null(MetricDatumRules.Check(D(dims: Enumerable.Range(0, 30).Select(i => new MetricDimension("d" + i, "v")).ToArray()), Now));
        }

        [Theory]
        [InlineData(double.NaN, "NaN")]
        [InlineData(double.PositiveInfinity, "Infinity")]
        [InlineData(double.NegativeInfinity, "Infinity")]
        [InlineData(3.0e108, "2\\^360")]
        public void Values_CloudWatch_refuses_name_the_datum(double value, string says)
        {
            var error = MetricDatumRules.Check(D(value, dims: new MetricDimension("Host", "j/algo-1")), Now);
            Assert.NotNull(error);
            Assert.Equal("InvalidMetricDatum", error!.ErrorId);
            Assert.Matches(says, error.Message);
            Assert.Contains("M{Host=j/algo-1}", error.Message);
        }

        [Fact]
        public void Timestamps_units_resolutions_and_dimensions_outside_the_limits_are_refused()
        {
            Assert.Matches("two weeks", MetricDatumRules.Check(D(at: Now - TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1)), Now)!.Message);
            Assert.Matches("two hours", MetricDatumRules.Check(D(at: Now + TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1)), Now)!.Message);
            Assert.Matches("not a CloudWatch unit", MetricDatumRules.Check(D(unit: "Parsecs"), Now)!.Message);
            Assert.Matches("1 or 60", MetricDatumRules.Check(D(resolution: 5), Now)!.Message);
            Assert.Matches("at most 30", MetricDatumRules.Check(D(dims: Enumerable.Range(0, 31).Select(i => new MetricDimension("d" + i, "v")).ToArray()), Now)!.Message);
            Assert.Matches("1 to 1,024", MetricDatumRules.Check(D(dims: new MetricDimension("d", new string('v', 1025))), Now)!.Message);
            Assert.Matches("given twice", MetricDatumRules.Check(D(dims: new[] { new MetricDimension("d", "a"), new MetricDimension("d", "b") }), Now)!.Message);
            Assert.Matches("1 to 255", MetricDatumRules.Check(D(metric: new string('m', 256)), Now)!.Message);
        }

        [Theory]
        [InlineData("AWS/SageMaker")]
        [InlineData("")]
        [InlineData("Team/\u00e9")]
        [InlineData(" Team")]
        public void Namespaces_CloudWatch_refuses_are_refused(string ns)
        {
            var error = MetricDatumRules.CheckNamespace(ns);
            Assert.NotNull(error);
            Assert.Equal("InvalidMetricNamespace", error!.ErrorId);
        }

        [Fact]
        public void Resource_dimensions_line_up_with_SageMakers_own()
        {
            Assert.Equal(new[] { new MetricDimension("Host", "job/algo-2") },
                MetricWriteDimensions.For(SageMakerResourceType.TrainingJob, "job", "algo-2", null, null));
            Assert.Equal(new[] { new MetricDimension("Host", "job/algo-2") },
                MetricWriteDimensions.For(SageMakerResourceType.TrainingJob, "job", "job/algo-2", null, null));
            Assert.Equal(new[] { new MetricDimension("EndpointName", "ep"), new MetricDimension("VariantName", "AllTraffic") },
                MetricWriteDimensions.For(SageMakerResourceType.Endpoint, "ep", null, "AllTraffic", null));
            Assert.Equal(new[] { new MetricDimension("Stage", "x") },
                MetricWriteDimensions.For(null, null, null, null, new[] { new KeyValuePair<string, string?>("Stage", "x") }));
            var error = Assert.Throws<SageMakerMonitoring.Core.Infrastructure.MonitoringException>(() =>
                MetricWriteDimensions.For(null, null, null, null, new[] { new KeyValuePair<string, string?>("", "x") }));
            Assert.Equal("InvalidDimension", error.ErrorId);
        }
    }
}
