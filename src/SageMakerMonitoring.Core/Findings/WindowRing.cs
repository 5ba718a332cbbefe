using System;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>The last N samples (value and time) of one series, for window percentiles.</summary>
    internal sealed class WindowRing
    {
        private readonly double[] _values;
        private readonly DateTime[] _times;
        private int _next;

        public WindowRing(int size)
        {
            _values = new double[size];
            _times = new DateTime[size];
        }

        public int Count { get; private set; }
        public long Total { get; private set; }
        public int SinceEvaluation { get; set; }

        public void Add(DateTime time, double value)
        {
            _values[_next] = value;
            _times[_next] = time;
            _next = (_next + 1) % _values.Length;
            if (Count < _values.Length) Count++;
            Total++;
            SinceEvaluation++;
        }

        public DateTime First => _times[Count < _values.Length ? 0 : _next];
        public DateTime Last => _times[(_next - 1 + _values.Length) % _values.Length];

        public double[] Percentiles(params double[] percents) => Findings.Percentiles.Of(_values, Count, percents);
    }
}
