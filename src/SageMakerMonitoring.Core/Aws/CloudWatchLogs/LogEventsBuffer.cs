using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.CloudWatchLogs
{
    /// <summary>
    /// The <c>events</c> array of one answer, kept as the UTF-8 the service sent (in a pooled buffer) and turned into
    /// records a few at a time. A full page is 10,000 events; as objects with their strings that is several megabytes,
    /// as UTF-8 about a quarter of it and no objects for the collector to trace, so a page waiting to be read costs
    /// little and reading ahead does not keep megabytes of objects alive.
    /// </summary>
    internal sealed class LogEventsBuffer : IDisposable
    {
        private byte[]? _bytes;
        private readonly int _length;
        private int _offset;
        private JsonReaderState _state;
        private int _remaining;
        private string? _lastStream;

        private LogEventsBuffer(byte[] bytes, int length, int count)
        {
            _bytes = bytes;
            _length = length;
            _remaining = count;
            // Step onto the array's StartArray once, so every later read starts between elements.
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(bytes, 0, length), isFinalBlock: true, default);
            reader.Read();
            _offset = (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (count == 0) Dispose();
        }

        /// <summary>Events not read yet.</summary>
        public int Remaining => _remaining;

        /// <summary>
        /// Copies the array the reader stands on (its StartArray token) and moves the reader past it, counting its objects
        /// on the way; other elements are skipped the same way the eager reader skips them.
        /// </summary>
        public static LogEventsBuffer Capture(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
        {
            var start = (int)reader.TokenStartIndex;
            var count = 0;
            while (JsonOutput.NextElement(ref reader))
            {
                if (reader.TokenType == JsonTokenType.StartObject) count++;
                reader.Skip();
            }
            var end = (int)reader.BytesConsumed;
            var length = end - start;
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            body.Slice(start, length).CopyTo(bytes);
            return new LogEventsBuffer(bytes, length, count);
        }

        /// <summary>The next event, or null when all have been read.</summary>
        public LogEventRecord? ReadNext()
        {
            if (_remaining == 0 || _bytes is null) return null;
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_bytes, _offset, _length - _offset), isFinalBlock: true, _state);
            LogEventRecord? record = null;
            while (record is null && JsonOutput.NextElement(ref reader))
            {
                if (JsonOutput.IsObject(ref reader)) record = ReadRecord(ref reader, ref _lastStream);
            }
            _offset += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (record is null || --_remaining == 0) Dispose();
            return record;
        }

        /// <summary>Every event not read yet.</summary>
        public List<LogEventRecord> ReadAll()
        {
            var events = new List<LogEventRecord>(_remaining);
            LogEventRecord? record;
            while ((record = ReadNext()) != null) events.Add(record);
            return events;
        }

        /// <summary>Reads one event object; the reader stands on its StartObject. Stream names repeat across a page, so
        /// one string instance is shared while the name stays the same.</summary>
        internal static LogEventRecord ReadRecord(ref Utf8JsonReader reader, ref string? lastStream)
        {
            var record = new LogEventRecord();
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("message")) { reader.Read(); record.Message = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("timestamp")) { reader.Read(); record.Timestamp = JsonOutput.EpochMilliseconds(ref reader); }
                else if (reader.ValueTextEquals("ingestionTime")) { reader.Read(); record.IngestionTime = JsonOutput.EpochMilliseconds(ref reader); }
                else if (reader.ValueTextEquals("logStreamName"))
                {
                    reader.Read();
                    if (lastStream != null && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(lastStream))
                    {
                        record.LogStreamName = lastStream;
                    }
                    else
                    {
                        lastStream = JsonOutput.String(ref reader);
                        record.LogStreamName = lastStream;
                    }
                }
                else if (reader.ValueTextEquals("eventId")) { reader.Read(); record.EventId = JsonOutput.String(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return record;
        }

        public void Dispose()
        {
            var bytes = _bytes;
            _bytes = null;
            _remaining = 0;
            if (bytes != null) ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
