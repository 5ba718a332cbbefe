using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    /// <summary>Limits from botocore's cloudwatch model: DimensionName 1-255, DimensionValue 1-1024, Dimensions max 30,
    /// DimensionFilters (ListMetrics) max 10.</summary>
    public class MetricDimensionValidatorTests
    {
        private static KeyValuePair<object?, object?> E(object? name, object? value) => new KeyValuePair<object?, object?>(name, value);

        private static MonitoringException Refused(bool filters, params KeyValuePair<object?, object?>[] entries)
        {
            var e = Assert.Throws<MonitoringException>(() => MetricDimensionValidator.Validate(entries, filters));
            Assert.Equal("InvalidDimension", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("-Dimension", e.Message);
            Assert.NotNull(e.RecommendedAction);
            return e;
        }

        [Fact]
        public void GoodEntriesPassThrough()
        {
            var dims = MetricDimensionValidator.Validate(new[] { E("Host", "algo-1"), E("Count", 3) }, false);
            Assert.Equal(new[] { "Host=algo-1", "Count=3" }, dims.Select(d => d.Name + "=" + d.Value));
        }

        [Fact]
        public void EmptyNameAndValue() => Refused(false, E("", ""));

        [Fact]
        public void NullName() => Refused(false, E(null, "x"));

        [Fact]
        public void NullValueNamesTheEntry() => Assert.Equal("Host", Refused(false, E("Host", null)).TargetObject);

        [Fact]
        public void EmptyValue() => Assert.Contains("'Host' has no value", Refused(false, E("Host", "")).Message);

        [Fact]
        public void SeveralValues() => Refused(false, E("Host", new[] { "a", "b" }));

        [Fact]
        public void NameLengthBoundary()
        {
            Assert.Single(MetricDimensionValidator.Validate(new[] { E(new string('n', 255), "v") }, false));
            Assert.Contains("256 characters", Refused(false, E(new string('n', 256), "v")).Message);
        }

        [Fact]
        public void ValueLengthBoundary()
        {
            Assert.Single(MetricDimensionValidator.Validate(new[] { E("Host", new string('v', 1024)) }, false));
            Assert.Contains("1025 characters", Refused(false, E("Host", new string('v', 1025))).Message);
        }

        [Fact]
        public void AtMostThirtyDimensions()
        {
            var thirty = Enumerable.Range(1, 30).Select(i => E("D" + i, "v")).ToArray();
            Assert.Equal(30, MetricDimensionValidator.Validate(thirty, false).Count);
            var e = Refused(false, Enumerable.Range(1, 31).Select(i => E("D" + i, "v")).ToArray());
            Assert.Equal(31, e.TargetObject);
        }

        [Fact]
        public void AtMostTenWhenListedAsFilters()
        {
            var ten = Enumerable.Range(1, 10).Select(i => E("D" + i, "v")).ToArray();
            Assert.Equal(10, MetricDimensionValidator.Validate(ten, true).Count);
            Assert.Contains("-MetricName", Refused(true, Enumerable.Range(1, 11).Select(i => E("D" + i, "v")).ToArray()).Message);
            Assert.Equal(11, MetricDimensionValidator.Validate(Enumerable.Range(1, 11).Select(i => E("D" + i, "v")).ToArray(), false).Count);
        }
    }
}
