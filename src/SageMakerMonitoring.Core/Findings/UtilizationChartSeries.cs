using System;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>A series reduced to a fixed number of buckets (mean per bucket) over the analysed range, for charts.</summary>
    public sealed class UtilizationChartSeries
    {
        private readonly double[] _sums;
        private readonly int[] _counts;
        private readonly long _startTicks;
        private readonly long _bucketTicks;

        public UtilizationChartSeries(string host, string metricName, string? device, DateTime start, DateTime end, int buckets)
        {
            Host = host;
            MetricName = metricName;
            Device = device;
            Start = start;
            _sums = new double[buckets];
            _counts = new int[buckets];
            _startTicks = start.Ticks;
            _bucketTicks = Math.Max(1, (end.Ticks - start.Ticks + buckets - 1) / buckets);
        }

        public string Host { get; }
        public string MetricName { get; }
        public string? Device { get; }
        public DateTime Start { get; }
        public TimeSpan BucketWidth => TimeSpan.FromTicks(_bucketTicks);
        public int Buckets => _sums.Length;

        public void Add(DateTime time, double value)
        {
            var i = (time.Ticks - _startTicks) / _bucketTicks;
            if (i < 0 || i >= _sums.Length) return;
            _sums[i] += value;
            _counts[i]++;
        }

        /// <summary>Mean of bucket <paramref name="i"/>, NaN when empty.</summary>
        public double this[int i] => _counts[i] == 0 ? double.NaN : _sums[i] / _counts[i];
        public DateTime TimeOf(int i) => new DateTime(_startTicks + i * _bucketTicks, DateTimeKind.Utc);
    }
}
