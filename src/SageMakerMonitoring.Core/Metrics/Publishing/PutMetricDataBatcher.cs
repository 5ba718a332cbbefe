using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Metrics.Publishing
{
    /// <summary>
    /// Packs datapoints into as few PutMetricData calls as CloudWatch's limits allow: one namespace per call, at most
    /// 1,000 metric data per call, a body under 1 MB, and values of the same metric, dimensions, timestamp, unit and
    /// resolution folded into one datum's Values/Counts (at most 150 unique values each). Datapoints keep their order
    /// within a series. Not thread-safe: one writer feeds it.
    /// </summary>
    public sealed class PutMetricDataBatcher
    {
        public const int MaxDataPerRequest = 1000;
        public const int MaxValuesPerDatum = 150;
        /// <summary>The request limit is 1 MB (1,048,576 bytes) of HTTP POST; batches stay under 1,000,000 uncompressed.</summary>
        public const int MaxBodyBytes = 1_000_000;
        private const int EnvelopeBytes = 64;

        private readonly int _maxData;
        private readonly int _maxBytes;
        private readonly Dictionary<string, Pending> _pending = new Dictionary<string, Pending>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();

        public PutMetricDataBatcher(int maxDataPerRequest = MaxDataPerRequest, int maxBodyBytes = MaxBodyBytes)
        {
            if (maxDataPerRequest < 1 || maxDataPerRequest > MaxDataPerRequest) throw new ArgumentOutOfRangeException(nameof(maxDataPerRequest));
            if (maxBodyBytes < 4096 || maxBodyBytes > MaxBodyBytes) throw new ArgumentOutOfRangeException(nameof(maxBodyBytes));
            _maxData = maxDataPerRequest;
            _maxBytes = maxBodyBytes;
        }

        /// <summary>Adds a datapoint (already checked with <see cref="MetricDatumRules"/>); returns the batch it filled, if any.</summary>
        public MetricWriteBatch? Add(MetricWriteDatum datum)
        {
            if (datum is null) throw new ArgumentNullException(nameof(datum));
            if (!_pending.TryGetValue(datum.Namespace, out var pending))
            {
                pending = new Pending(datum.Namespace);
                _pending[datum.Namespace] = pending;
                _order.Add(datum.Namespace);
            }

            var key = KeyOf(datum);
            if (pending.Index.TryGetValue(key, out var existing) && existing.TryFold(datum)) 
            {
                pending.Points++;
                pending.Bytes += existing.LastAddedBytes;
                if (pending.Bytes <= _maxBytes) return null;
                // Folding pushed the body over the limit: undo and start a new request with this datapoint.
                existing.UndoLast();
                pending.Points--;
                pending.Bytes -= existing.LastAddedBytes;
            }

            var builder = new DatumBuilder(datum);
            MetricWriteBatch? full = null;
            if (pending.Data.Count >= _maxData || pending.Bytes + builder.Bytes > _maxBytes)
            {
                full = pending.Take();
            }
            pending.Data.Add(builder);
            pending.Index[key] = builder;
            pending.Points++;
            pending.Bytes += builder.Bytes;
            return full;
        }

        /// <summary>Every batch still pending, in the order their namespaces first appeared.</summary>
        public IEnumerable<MetricWriteBatch> Flush()
        {
            foreach (var ns in _order)
            {
                var pending = _pending[ns];
                if (pending.Data.Count > 0) yield return pending.Take();
            }
        }

        private static string KeyOf(MetricWriteDatum d)
        {
            var sb = new StringBuilder(d.MetricName.Length + 64);
            sb.Append(d.MetricName).Append('\u0001');
            foreach (var dim in d.Dimensions) sb.Append(dim.Name).Append('\u0002').Append(dim.Value).Append('\u0001');
            sb.Append(d.Timestamp.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\u0001').Append(d.Unit).Append('\u0001').Append(d.StorageResolution);
            return sb.ToString();
        }

        private sealed class Pending
        {
            public Pending(string ns)
            {
                Namespace = ns;
                Bytes = EnvelopeBytes + JsonBytes(ns);
            }

            public string Namespace { get; }
            public List<DatumBuilder> Data { get; private set; } = new List<DatumBuilder>();
            public Dictionary<string, DatumBuilder> Index { get; private set; } = new Dictionary<string, DatumBuilder>(StringComparer.Ordinal);
            public int Points { get; set; }
            public int Bytes { get; set; }

            public MetricWriteBatch Take()
            {
                var data = new List<MetricDatum>(Data.Count);
                foreach (var b in Data) data.Add(b.Build());
                var batch = new MetricWriteBatch(Namespace, data, Points, Bytes);
                Data = new List<DatumBuilder>();
                Index = new Dictionary<string, DatumBuilder>(StringComparer.Ordinal);
                Points = 0;
                Bytes = EnvelopeBytes + JsonBytes(Namespace);
                return batch;
            }
        }

        private sealed class DatumBuilder
        {
            private readonly MetricWriteDatum _first;
            private readonly List<double> _values = new List<double>();
            private readonly List<double> _counts = new List<double>();
            private int _lastIndex = -1;
            private bool _lastWasNew;
            private double _lastCount;

            public DatumBuilder(MetricWriteDatum first)
            {
                _first = first;
                _values.Add(first.Value);
                _counts.Add(first.Count);
                Bytes = 96 + JsonBytes(first.MetricName) + (first.Unit?.Length ?? 0) + NumberBytes * 2;
                foreach (var d in first.Dimensions) Bytes += 24 + JsonBytes(d.Name) + JsonBytes(d.Value);
            }

            /// <summary>Upper estimate of this datum's JSON.</summary>
            public int Bytes { get; private set; }
            public int LastAddedBytes { get; private set; }

            public bool TryFold(MetricWriteDatum d)
            {
                var at = _values.IndexOf(d.Value);
                if (at >= 0)
                {
                    _counts[at] += d.Count;
                    _lastIndex = at;
                    _lastWasNew = false;
                    _lastCount = d.Count;
                    LastAddedBytes = 0;
                    return true;
                }
                if (_values.Count >= MaxValuesPerDatum) return false;
                _values.Add(d.Value);
                _counts.Add(d.Count);
                _lastIndex = _values.Count - 1;
                _lastWasNew = true;
                _lastCount = d.Count;
                LastAddedBytes = NumberBytes * 2;
                Bytes += LastAddedBytes;
                return true;
            }

            public void UndoLast()
            {
                if (_lastIndex < 0) return;
                if (_lastWasNew)
                {
                    _values.RemoveAt(_lastIndex);
                    _counts.RemoveAt(_lastIndex);
                    Bytes -= LastAddedBytes;
                }
                else _counts[_lastIndex] -= _lastCount;
                _lastIndex = -1;
            }

            public MetricDatum Build()
            {
                var datum = new MetricDatum
                {
                    MetricName = _first.MetricName,
                    Dimensions = _first.Dimensions,
                    Timestamp = _first.Timestamp,
                    Unit = _first.Unit,
                    StorageResolution = _first.StorageResolution,
                };
                var allOnes = true;
                foreach (var c in _counts) if (c != 1) { allOnes = false; break; }
                if (_values.Count == 1 && allOnes) datum.Value = _values[0];
                else
                {
                    datum.Values = _values.ToArray();
                    datum.Counts = allOnes ? Array.Empty<double>() : _counts.ToArray();
                }
                return datum;
            }
        }

        /// <summary>A double as JSON: at most 24 characters ("-1.2345678901234567E+308") plus a separator.</summary>
        private const int NumberBytes = 26;

        /// <summary>Upper bound of a string's JSON size: letters, digits and the usual name punctuation take one byte;
        /// anything a JSON writer may escape (\uXXXX) is counted as six.</summary>
        private static int JsonBytes(string s)
        {
            var n = 2;
            foreach (var c in s)
                n += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '/' || c == '.' || c == ':' || c == ' ' ? 1 : 6;
            return n;
        }
    }
}
