using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// Min, max, count and percentiles of one series with bounded memory: exact (numpy's linear interpolation) up to
    /// <see cref="ExactLimit"/> values, then a histogram of 0.05-point bins over 0–100 (percentiles within 0.05 points;
    /// min and max stay exact).
    /// </summary>
    public sealed class StatisticsAccumulator
    {
        public const int ExactLimit = 2048;
        private const double BinWidth = 0.05;
        private const int Bins = 2001;
        private double[]? _exact = new double[64];
        private long[]? _histogram;

        public long Count { get; private set; }
        public double Min { get; private set; } = double.PositiveInfinity;
        public double Max { get; private set; } = double.NegativeInfinity;

        public void Add(double value)
        {
            if (double.IsNaN(value)) return;
            if (value < Min) Min = value;
            if (value > Max) Max = value;
            if (_exact != null)
            {
                if (Count < ExactLimit)
                {
                    if (Count == _exact.Length) Array.Resize(ref _exact, _exact.Length * 2);
                    _exact[Count++] = value;
                    return;
                }
                _histogram = new long[Bins];
                for (var i = 0; i < Count; i++) _histogram[Bin(_exact[i])]++;
                _exact = null;
            }
            _histogram![Bin(value)]++;
            Count++;
        }

        private static int Bin(double v) => v <= 0 ? 0 : v >= 100 ? Bins - 1 : (int)Math.Round(v / BinWidth);

        /// <summary>p5, p50, p95, p99 (NaN without values).</summary>
        public double[] Percentiles(params double[] percents)
        {
            var result = new double[percents.Length];
            if (Count == 0)
            {
                for (var i = 0; i < result.Length; i++) result[i] = double.NaN;
                return result;
            }
            if (_exact != null) return Findings.Percentiles.Of(_exact, (int)Count, percents);
            for (var i = 0; i < percents.Length; i++)
            {
                var rank = percents[i] / 100.0 * (Count - 1);
                long seen = 0;
                var value = Max;
                for (var b = 0; b < Bins; b++)
                {
                    seen += _histogram![b];
                    if (seen > rank) { value = b * BinWidth; break; }
                }
                result[i] = Math.Min(Max, Math.Max(Min, value));
            }
            return result;
        }
    }
}
