using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Output;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Output
{
    /// <summary>The text of output members, which is what Export-Csv writes for them.</summary>
    public class OutputShapeTests
    {
        private static readonly DateTime At = new DateTime(2026, 12, 7, 11, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void A_text_map_prints_name_value_pairs_in_name_order_and_stays_a_dictionary()
        {
            var map = TextMap.From(new Dictionary<string, string> { ["VariantName"] = "AllTraffic", ["EndpointName"] = "churn" });
            Assert.Equal("EndpointName=churn;VariantName=AllTraffic", map.ToString());
            Assert.Equal("churn", map["EndpointName"]);
            Assert.IsAssignableFrom<System.Collections.IDictionary>(map);
            Assert.Equal("", TextMap.Empty.ToString());
        }

        [Fact]
        public void A_text_list_prints_numbers_and_times_invariantly()
        {
            Assert.Equal("1.5;-2;1E-05", new TextList<double>(new[] { 1.5, -2, 0.00001 }).ToString());
            Assert.Equal("2026-12-07T11:00:00Z;2026-12-07T11:00:00.250Z",
                new TextList<DateTimeOffset>(new[] { new DateTimeOffset(At), new DateTimeOffset(At.AddMilliseconds(250)) }).ToString());
        }

        [Fact]
        public void Output_times_are_at_offset_zero_whatever_the_kind()
        {
            Assert.Equal(TimeSpan.Zero, OutputTime.From(At).Offset);
            Assert.Equal(At, OutputTime.From(DateTime.SpecifyKind(At, DateTimeKind.Unspecified)).UtcDateTime);
            Assert.Equal(At, OutputTime.From(At.ToLocalTime()).UtcDateTime);
            Assert.Null(OutputTime.From((DateTime?)null));
        }

        [Fact]
        public void A_series_exposes_lists_over_its_arrays()
        {
            var info = new MetricInfo(new MetricIdentity("/aws/sagemaker/TrainingJobs", "CPUUtilization", new[] { new MetricDimension("Host", "j/algo-1") }),
                SageMakerResourceType.TrainingJob, "j", "algo-1", null, null);
            var series = new MetricSeries(new MetricSeriesDescriptor(info, "Average", 60), new[] { At, At.AddMinutes(1) }, new[] { 1.25, 2.0 });
            Assert.Equal("TrainingJob", series.ResourceType);
            Assert.Equal("1.25;2", series.Values.ToString());
            Assert.Equal("2026-12-07T11:00:00Z;2026-12-07T11:01:00Z", series.Timestamps.ToString());
            Assert.Equal(new DateTimeOffset(At.AddMinutes(1)), series.Timestamps[1]);
            Assert.Equal("Host=j/algo-1", series.Dimensions.ToString());
            var point = new MetricDatapoint(series.Descriptor, At, 3);
            Assert.Equal(TimeSpan.Zero, point.Timestamp.Offset);
            Assert.Equal(At, point.UtcTimestamp);
        }
    }
}
