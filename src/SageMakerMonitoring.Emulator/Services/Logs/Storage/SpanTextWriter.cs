using System;

namespace SageMakerMonitoring.Emulator.Services.Logs.Storage
{
    /// <summary>Appends text and integers into a caller-provided buffer without allocating.</summary>
    internal ref struct SpanTextWriter
    {
        private readonly Span<char> _buffer;
        private int _length;

        public SpanTextWriter(Span<char> buffer)
        {
            _buffer = buffer;
            _length = 0;
        }

        public void Append(char c) => _buffer[_length++] = c;

        public void Append(string text)
        {
            text.AsSpan().CopyTo(_buffer.Slice(_length));
            _length += text.Length;
        }

        public void Append(long value)
        {
            if (value < 0)
            {
                Append('-');
                value = -value;
            }
            int start = _length;
            do
            {
                _buffer[_length++] = (char)('0' + value % 10);
                value /= 10;
            } while (value != 0);
            _buffer.Slice(start, _length - start).Reverse();
        }

        /// <summary>Writes a non-negative value left-padded with zeros to <paramref name="width"/> digits.</summary>
        public void AppendPadded(long value, int width)
        {
            int end = _length + width;
            for (int i = end - 1; i >= _length; i--)
            {
                _buffer[i] = (char)('0' + value % 10);
                value /= 10;
            }
            _length = end;
        }

        /// <summary>Writes <paramref name="scaled"/> / 10^<paramref name="decimals"/> with exactly that many decimals.</summary>
        public void AppendFixed(long scaled, int decimals)
        {
            long divisor = 1;
            for (int i = 0; i < decimals; i++) divisor *= 10;
            Append(scaled / divisor);
            Append('.');
            long fraction = scaled % divisor;
            for (long d = divisor / 10; d > 0; d /= 10)
            {
                Append((char)('0' + fraction / d % 10));
            }
        }

        public override string ToString() => new string(_buffer.Slice(0, _length));
    }
}
