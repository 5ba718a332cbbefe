using System;
using System.Collections.Generic;
using System.Threading;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// All metrics of the emulated account, keyed by <see cref="MetricIdentity.Key"/>. Readers (Get*, List*) run
    /// concurrently; writers (PutMetricData, seeds) exclusively. Use <see cref="Read{T}"/> and <see cref="Write"/>.
    /// </summary>
    internal sealed class MetricStore
    {
        private readonly Dictionary<string, MetricSeries> _series = new Dictionary<string, MetricSeries>(StringComparer.Ordinal);
        private readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);

        public T Read<T>(Func<MetricStore, T> reader)
        {
            _lock.EnterReadLock();
            try { return reader(this); }
            finally { _lock.ExitReadLock(); }
        }

        public void Write(Action<MetricStore> writer)
        {
            _lock.EnterWriteLock();
            try { writer(this); }
            finally { _lock.ExitWriteLock(); }
        }

        public int SeriesCount => _series.Count;

        public IEnumerable<MetricSeries> AllSeries => _series.Values;

        public MetricSeries? Find(string key) => _series.TryGetValue(key, out var series) ? series : null;

        /// <summary>The series for an identity, created when new. A high-resolution put makes the metric high-resolution.</summary>
        public MetricSeries GetOrCreate(MetricIdentity identity, int storageResolution, int capacity = 16)
        {
            if (_series.TryGetValue(identity.Key, out var series))
            {
                if (storageResolution < series.StorageResolution) series.StorageResolution = storageResolution;
                return series;
            }
            series = new MetricSeries(identity, storageResolution, capacity);
            _series.Add(identity.Key, series);
            return series;
        }

        /// <summary>Puts a freshly generated series in place of any existing one with the same identity.</summary>
        public void Replace(MetricSeries series) => _series[series.Identity.Key] = series;

        public void Clear() => _series.Clear();

        public long TotalPoints
        {
            get
            {
                long total = 0;
                foreach (var series in _series.Values) total += series.Count;
                return total;
            }
        }
    }
}
