using System;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>Percentiles as numpy.percentile computes them by default (linear interpolation between closest ranks),
    /// which Debugger's rules use.</summary>
    public static class Percentiles
    {
        /// <summary>The <paramref name="percent"/>-th percentile of <paramref name="sorted"/> (ascending, not empty).</summary>
        public static double OfSorted(double[] sorted, int count, double percent)
        {
            if (count <= 0) throw new ArgumentException("No values.", nameof(count));
            var rank = percent / 100.0 * (count - 1);
            var lo = (int)Math.Floor(rank);
            var hi = (int)Math.Ceiling(rank);
            return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
        }

        /// <summary>Copies, sorts and takes several percentiles at once.</summary>
        public static double[] Of(double[] values, int count, params double[] percents)
        {
            var copy = new double[count];
            Array.Copy(values, copy, count);
            Array.Sort(copy);
            var result = new double[percents.Length];
            for (var i = 0; i < percents.Length; i++) result[i] = OfSorted(copy, count, percents[i]);
            return result;
        }
    }
}
