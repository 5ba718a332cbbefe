using System;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Findings;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Findings
{
    public class FindingsMathTests
    {
        [Fact]
        public void JensenShannonMatchesHandComputedValues()
        {
            // Disjoint: ln 2 = 0.693147. P = (1/2, 1/2), Q = (1, 0), M = (3/4, 1/4):
            // KL(P||M) = ½ln(2/3) + ½ln 2 = 0.143841; KL(Q||M) = ln(4/3) = 0.287682; JS = ½(0.143841 + 0.287682) = 0.215762.
            Assert.Equal(0.693147, JensenShannon.Divergence(new long[] { 5, 0 }, new long[] { 0, 7 }), 6);
            Assert.Equal(0.215762, JensenShannon.Divergence(new long[] { 3, 3 }, new long[] { 4, 0 }), 6);
            Assert.Equal(0.464501, JensenShannon.Distance(new long[] { 1, 1 }, new long[] { 1, 0 }), 6);
            Assert.Equal(0, JensenShannon.Divergence(new long[] { 2, 4, 6 }, new long[] { 1, 2, 3 }), 12);
            Assert.Throws<ArgumentException>(() => JensenShannon.Divergence(new long[] { 0, 0 }, new long[] { 1, 0 }));
        }

        [Fact]
        public void PercentilesInterpolateAsNumpy()
        {
            // numpy.percentile([1, 2, 3, 4], [5, 50, 95]) = [1.15, 2.5, 3.85]
            var q = Percentiles.Of(new double[] { 4, 1, 3, 2 }, 4, 5, 50, 95);
            Assert.Equal(new[] { 1.15, 2.5, 3.85 }, q.Select(v => Math.Round(v, 10)));
        }

        [Fact]
        public void CloudWatchSumsAreDividedByTheInstancesDevices()
        {
            var p3 = InstanceTypeCatalog.Find("ml.p3.8xlarge"); // 4 GPUs, 32 vCPUs
            Assert.Equal(80, UtilizationNormalizer.PerDevice("GPUUtilization", 320, p3));
            Assert.Equal(25, UtilizationNormalizer.PerDevice("GPUMemoryUtilization", 100, p3));
            Assert.Equal(50, UtilizationNormalizer.PerDevice("CPUUtilization", 1600, p3));
            Assert.Equal(63, UtilizationNormalizer.PerDevice("MemoryUtilization", 63, p3));
            Assert.Equal(12, UtilizationNormalizer.PerDevice("DiskUtilization", 12, p3));
            Assert.Null(UtilizationNormalizer.PerDevice("GPUUtilization", 10, InstanceTypeCatalog.Find("ml.m5.xlarge")));
            Assert.Null(UtilizationNormalizer.PerDevice("CPUUtilization", 10, null));
            Assert.Equal(4, UtilizationNormalizer.DeviceCount("GPUUtilization", p3));
        }

        [Fact]
        public void StatisticsStayExactForShortSeriesAndCloseForLongOnes()
        {
            var exact = new StatisticsAccumulator();
            foreach (var v in new double[] { 4, 1, 3, 2 }) exact.Add(v);
            Assert.Equal(new[] { 1.15, 2.5, 3.85 }, exact.Percentiles(5, 50, 95).Select(v => Math.Round(v, 10)));

            var big = new StatisticsAccumulator();
            var values = Enumerable.Range(0, 100_001).Select(i => i / 1000.0).ToArray(); // 0 .. 100 in steps of 0.001
            foreach (var v in values.Reverse()) big.Add(v);
            Assert.Equal(100_001, big.Count);
            Assert.Equal((0.0, 100.0), (big.Min, big.Max));
            var q = big.Percentiles(5, 50, 95, 99);
            Assert.Equal(5, q[0], 1);
            Assert.InRange(q[1], 49.95, 50.05);
            Assert.InRange(q[2], 94.95, 95.05);
            Assert.InRange(q[3], 98.95, 99.05);
        }
    }
}
