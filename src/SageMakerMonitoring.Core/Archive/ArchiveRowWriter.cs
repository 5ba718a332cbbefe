using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// Writes datapoints as rows of one archive file into a gzip stream. Everything but the timestamp and the value is
    /// the same for every row of a series, so it is encoded once per series and copied; a row costs a timestamp, a
    /// number and a copy.
    /// </summary>
    public abstract class ArchiveRowWriter : IDisposable
    {
        private readonly Dictionary<MetricSeriesDescriptor, (int Period, byte[] Tail)> _tails = new Dictionary<MetricSeriesDescriptor, (int, byte[])>();
        private readonly GZipStream _gzip;
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _used;
        private bool _finished;

        protected ArchiveRowWriter(Stream destination)
        {
            _gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        }

        public static ArchiveRowWriter Create(ArchiveFormat format, Stream destination) =>
            format == ArchiveFormat.Csv ? new CsvRowWriter(destination) : (ArchiveRowWriter)new JsonLinesRowWriter(destination);

        /// <summary>Rows written.</summary>
        public long Rows { get; private set; }

        public void Write(MetricSeriesDescriptor series, DateTime timestamp, double value)
        {
            if (!_tails.TryGetValue(series, out var tail) || tail.Period != series.Period)
            {
                tail = (series.Period, Encoding.UTF8.GetBytes(EncodeTail(series)));
                _tails[series] = tail;
            }
            var head = EncodeHead(timestamp, value);
            Ensure(head.Length * 3 + tail.Tail.Length);
            foreach (var c in head) _buffer[_used++] = (byte)c; // ASCII only
            Buffer.BlockCopy(tail.Tail, 0, _buffer, _used, tail.Tail.Length);
            _used += tail.Tail.Length;
            Rows++;
        }

        /// <summary>Flushes the rows and ends the gzip stream (the destination stays open).</summary>
        public void Finish()
        {
            if (_finished) return;
            Flush();
            _gzip.Dispose();
            _finished = true;
        }

        /// <summary>Abandons the rows when <see cref="Finish"/> was not called; never throws (the file is being discarded).</summary>
        public void Dispose()
        {
            if (!_finished)
            {
                _finished = true;
                try
                {
                    _gzip.Dispose();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException || ex is NotSupportedException)
                {
                    // The gzip trailer cannot be written (a full disk, a stream already closed): the file is discarded anyway.
                }
            }
        }

        protected void WriteRaw(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Ensure(bytes.Length);
            Buffer.BlockCopy(bytes, 0, _buffer, _used, bytes.Length);
            _used += bytes.Length;
        }

        /// <summary>The row's start up to the value (ASCII).</summary>
        protected abstract string EncodeHead(DateTime timestamp, double value);

        /// <summary>The rest of a row of the series, newline included.</summary>
        protected abstract string EncodeTail(MetricSeriesDescriptor series);

        protected static string Timestamp(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private void Ensure(int bytes)
        {
            if (_used + bytes > _buffer.Length) Flush();
            if (bytes > _buffer.Length) throw new InvalidOperationException("A row is longer than the write buffer.");
        }

        private void Flush()
        {
            if (_used == 0) return;
            _gzip.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
