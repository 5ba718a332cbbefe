using System;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// Folds a series' points in [from, to) into period buckets aligned to epoch multiples of the period, in one
    /// pass over the points (binary search for the range ends, no per-point allocation). Ascending or descending.
    /// Percentile scratch buffers are reused across buckets and runs; one instance per request (not thread-safe).
    /// </summary>
    internal sealed class PeriodAggregator
    {
        private double[] _values = new double[64];
        private double[] _weights = new double[64];

        /// <param name="unitFilter">A unit index, or -1 for all units.</param>
        /// <param name="maxPeriods">Budget of accepted buckets; the run stops before the first bucket beyond it.</param>
        public AggregationOutcome Run(MetricSeries series, long from, long to, long period, int unitFilter,
            bool descending, bool needPercentiles, int maxPeriods, IPeriodSink sink)
        {
            if (from >= to || series.Count == 0) return default;
            var low = series.LowerBound(from);
            var high = series.LowerBound(to);
            if (low >= high) return default;

            var units = series.Units;
            if (unitFilter >= 0 && units == null && series.UniformUnit != unitFilter) return default;
            var checkUnits = unitFilter >= 0 && units != null;

            var times = series.Times;
            var values = series.Values;
            var counts = series.Counts;
            var sums = series.Sums;
            var minimums = series.Minimums;
            var maximums = series.Maximums;

            var step = descending ? -1 : 1;
            var i = descending ? high - 1 : low;
            var end = descending ? low - 1 : high;

            var remaining = maxPeriods;
            var emitted = 0;
            var open = false;
            long bucketStart = 0, bucketEnd = 0;
            var summary = new PeriodSummary();
            var n = 0;

            for (; i != end; i += step)
            {
                if (checkUnits && units![i] != unitFilter) continue;
                var t = times[i];
                if (!open || t < bucketStart || t >= bucketEnd)
                {
                    if (open)
                    {
                        if (Flush(ref summary, n, needPercentiles, sink))
                        {
                            emitted++;
                            remaining--;
                        }
                    }
                    var start = FloorToPeriod(t, period);
                    if (remaining <= 0) return new AggregationOutcome(emitted, true, start);
                    open = true;
                    bucketStart = start;
                    bucketEnd = start + period;
                    summary.Start = start;
                    summary.SampleCount = 0;
                    summary.Sum = 0;
                    summary.Minimum = double.PositiveInfinity;
                    summary.Maximum = double.NegativeInfinity;
                    summary.PercentilesAvailable = true;
                    n = 0;
                }

                double count, minimum, maximum;
                if (sums == null)
                {
                    var v = values[i];
                    if (counts == null)
                    {
                        count = 1.0;
                        summary.Sum += v;
                    }
                    else
                    {
                        count = counts[i];
                        summary.Sum += v * count;
                    }
                    minimum = v;
                    maximum = v;
                }
                else
                {
                    count = counts![i];
                    summary.Sum += sums[i];
                    minimum = minimums![i];
                    maximum = maximums![i];
                }
                summary.SampleCount += count;
                if (minimum < summary.Minimum) summary.Minimum = minimum;
                if (maximum > summary.Maximum) summary.Maximum = maximum;

                if (needPercentiles && summary.PercentilesAvailable)
                {
                    if (minimum != maximum || minimum < 0)
                    {
                        summary.PercentilesAvailable = false;
                    }
                    else
                    {
                        if (n == _values.Length)
                        {
                            Array.Resize(ref _values, n * 2);
                            Array.Resize(ref _weights, n * 2);
                        }
                        _values[n] = minimum;
                        _weights[n] = count;
                        n++;
                    }
                }
            }

            if (open && Flush(ref summary, n, needPercentiles, sink)) emitted++;
            return new AggregationOutcome(emitted, false, 0);
        }

        private bool Flush(ref PeriodSummary summary, int n, bool needPercentiles, IPeriodSink sink)
        {
            if (needPercentiles && summary.PercentilesAvailable)
            {
                if (n > 1) Array.Sort(_values, _weights, 0, n);
                summary.ValueCount = n;
            }
            else
            {
                summary.ValueCount = 0;
            }
            return sink.Accept(summary, _values, _weights);
        }

        public static long FloorToPeriod(long t, long period)
        {
            var remainder = t % period;
            if (remainder < 0) remainder += period;
            return t - remainder;
        }
    }
}
