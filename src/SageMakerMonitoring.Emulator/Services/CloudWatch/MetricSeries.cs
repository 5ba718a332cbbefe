using System;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// One metric's data as parallel arrays sorted by timestamp (epoch seconds). A raw value costs 16 bytes
    /// (timestamp + value). Columns that are only needed by some data are allocated on first use:
    /// <c>counts</c> (a value put with a Count other than 1), <c>sums/minimums/maximums</c> (a statistic set was put)
    /// and <c>units</c> (the metric has seen more than one unit). Several points may share a timestamp.
    /// Not thread-safe: <see cref="MetricStore"/> guards it.
    /// </summary>
    internal sealed class MetricSeries
    {
        private long[] _times;
        private double[] _values;
        private double[]? _counts;
        private double[]? _sums;
        private double[]? _minimums;
        private double[]? _maximums;
        private byte[]? _units;
        private byte _uniformUnit;
        private int _count;

        public MetricSeries(MetricIdentity identity, int storageResolution, int capacity = 16)
        {
            Identity = identity;
            StorageResolution = storageResolution;
            capacity = Math.Max(4, capacity);
            _times = new long[capacity];
            _values = new double[capacity];
        }

        public MetricIdentity Identity { get; }

        /// <summary>1 for high-resolution metrics, 60 for standard ones.</summary>
        public int StorageResolution { get; set; }

        public int Count => _count;

        public long LatestTimestamp => _count == 0 ? long.MinValue : _times[_count - 1];

        internal long[] Times => _times;
        /// <summary>The value of a raw point, or the average of a statistic set.</summary>
        internal double[] Values => _values;
        /// <summary>Null when every point has a sample count of 1.</summary>
        internal double[]? Counts => _counts;
        /// <summary>Null unless a statistic set was stored; then sums/minimums/maximums hold every point.</summary>
        internal double[]? Sums => _sums;
        internal double[]? Minimums => _minimums;
        internal double[]? Maximums => _maximums;
        /// <summary>Null while every point has <see cref="UniformUnit"/>.</summary>
        internal byte[]? Units => _units;
        internal byte UniformUnit => _uniformUnit;

        public bool HasUnit(byte unit)
        {
            if (_count == 0) return false;
            if (_units == null) return _uniformUnit == unit;
            for (var i = 0; i < _count; i++)
            {
                if (_units[i] == unit) return true;
            }
            return false;
        }

        /// <summary>A raw value, observed <paramref name="count"/> times.</summary>
        public void Add(long timestamp, double value, double count, byte unit)
        {
            var index = PrepareSlot(timestamp, unit);
            _values[index] = value;
            if (count != 1.0 && _counts == null) _counts = FilledCounts(_times.Length);
            if (_counts != null) _counts[index] = count;
            if (_sums != null)
            {
                _sums[index] = value * count;
                _minimums![index] = value;
                _maximums![index] = value;
            }
        }

        /// <summary>A pre-aggregated statistic set.</summary>
        public void AddStatisticSet(long timestamp, double sampleCount, double sum, double minimum, double maximum, byte unit)
        {
            var index = PrepareSlot(timestamp, unit);
            if (_sums == null) AllocateStatisticColumns();
            if (_counts == null) _counts = FilledCounts(_times.Length);
            _counts[index] = sampleCount;
            _values[index] = sampleCount > 0 ? sum / sampleCount : 0;
            _sums![index] = sum;
            _minimums![index] = minimum;
            _maximums![index] = maximum;
        }

        /// <summary>Index of the first point with a timestamp at or after <paramref name="timestamp"/>.</summary>
        public int LowerBound(long timestamp)
        {
            int low = 0, high = _count;
            while (low < high)
            {
                var mid = (int)((uint)(low + high) >> 1);
                if (_times[mid] < timestamp) low = mid + 1;
                else high = mid;
            }
            return low;
        }

        public void EnsureCapacity(int capacity)
        {
            if (capacity <= _times.Length) return;
            var size = Math.Max(capacity, _times.Length * 2);
            Array.Resize(ref _times, size);
            Array.Resize(ref _values, size);
            if (_counts != null) ResizeCounts(size);
            if (_sums != null)
            {
                Array.Resize(ref _sums, size);
                Array.Resize(ref _minimums, size);
                Array.Resize(ref _maximums, size);
            }
            if (_units != null) Array.Resize(ref _units, size);
        }

        private void ResizeCounts(int size)
        {
            var old = _counts!.Length;
            Array.Resize(ref _counts, size);
            for (var i = old; i < size; i++) _counts[i] = 1.0;
        }

        /// <summary>Opens a slot for a point at <paramref name="timestamp"/>: appended when in order, inserted after
        /// equal timestamps otherwise. Returns the slot index with timestamp and unit written.</summary>
        private int PrepareSlot(long timestamp, byte unit)
        {
            EnsureCapacity(_count + 1);
            if (_count == 0) _uniformUnit = unit;
            else if (_units == null && unit != _uniformUnit)
            {
                _units = new byte[_times.Length];
                for (var i = 0; i < _count; i++) _units[i] = _uniformUnit;
            }

            int index;
            if (_count == 0 || timestamp >= _times[_count - 1])
            {
                index = _count;
            }
            else
            {
                index = LowerBound(timestamp + 1);
                var tail = _count - index;
                Array.Copy(_times, index, _times, index + 1, tail);
                Array.Copy(_values, index, _values, index + 1, tail);
                if (_counts != null) Array.Copy(_counts, index, _counts, index + 1, tail);
                if (_sums != null)
                {
                    Array.Copy(_sums, index, _sums, index + 1, tail);
                    Array.Copy(_minimums!, index, _minimums!, index + 1, tail);
                    Array.Copy(_maximums!, index, _maximums!, index + 1, tail);
                }
                if (_units != null) Array.Copy(_units, index, _units, index + 1, tail);
            }

            _times[index] = timestamp;
            if (_counts != null) _counts[index] = 1.0;
            if (_units != null) _units[index] = unit;
            _count++;
            return index;
        }

        private static double[] FilledCounts(int size)
        {
            var counts = new double[size];
            Array.Fill(counts, 1.0);
            return counts;
        }

        private void AllocateStatisticColumns()
        {
            var size = _times.Length;
            _sums = new double[size];
            _minimums = new double[size];
            _maximums = new double[size];
            for (var i = 0; i < _count; i++)
            {
                var value = _values[i];
                var count = _counts != null ? _counts[i] : 1.0;
                _sums[i] = value * count;
                _minimums[i] = value;
                _maximums[i] = value;
            }
        }
    }
}
