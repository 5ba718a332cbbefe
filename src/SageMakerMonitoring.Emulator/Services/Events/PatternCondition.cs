using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Emulator.Services.Events
{
    /// <summary>One entry of a pattern's value array, as the emulator checks it against one leaf value of an event.</summary>
    internal abstract class PatternCondition
    {
        /// <summary>True when a field with no value at all satisfies the condition (<c>{"exists": false}</c>).</summary>
        public virtual bool AcceptsAbsence => false;

        public abstract bool Accepts(EventLeaf leaf);

        public sealed class Literal : PatternCondition
        {
            private readonly JsonValueKind _kind;
            private readonly string? _text;
            private readonly double? _number;
            private readonly byte[]? _address;

            public Literal(JsonElement value)
            {
                _kind = value.ValueKind;
                if (_kind == JsonValueKind.String)
                {
                    _text = value.GetString();
                    _address = IpText.Parse(_text!);
                }
                else if (_kind == JsonValueKind.Number)
                {
                    _text = value.GetRawText();
                    _number = EventLeaf.ToDouble(_text);
                }
            }

            public override bool Accepts(EventLeaf leaf)
            {
                if (leaf.Kind != _kind) return false;
                switch (_kind)
                {
                    case JsonValueKind.String:
                        if (leaf.Text == _text) return true;
                        if (_address == null) return false;
                        var other = IpText.Parse(leaf.Text!);
                        return other != null && IpText.Compare(other, _address) == 0;
                    case JsonValueKind.Number:
                        return leaf.Text == _text || (_number != null && leaf.Number == _number);
                    default:
                        return true;
                }
            }
        }

        /// <summary>A string test (exactly, prefix, suffix, equals-ignore-case, wildcard) as a regular expression.</summary>
        public sealed class Text : PatternCondition
        {
            private readonly Regex _regex;
            private readonly bool _negated;

            public Text(Regex regex, bool negated = false)
            {
                _regex = regex;
                _negated = negated;
            }

            public override bool Accepts(EventLeaf leaf)
            {
                if (leaf.Kind != JsonValueKind.String) return _negated;
                return _regex.IsMatch(leaf.Text!) != _negated;
            }
        }

        /// <summary>anything-but numbers: any leaf except a number equal to one of them.</summary>
        public sealed class NotNumbers : PatternCondition
        {
            private readonly double[] _numbers;

            public NotNumbers(double[] numbers)
            {
                _numbers = numbers;
            }

            public override bool Accepts(EventLeaf leaf) => leaf.Number == null || Array.IndexOf(_numbers, leaf.Number.Value) < 0;
        }

        public sealed class Range : PatternCondition
        {
            private readonly double _low;
            private readonly bool _lowOpen;
            private readonly double _high;
            private readonly bool _highOpen;

            public Range(double low, bool lowOpen, double high, bool highOpen)
            {
                _low = low;
                _lowOpen = lowOpen;
                _high = high;
                _highOpen = highOpen;
            }

            public override bool Accepts(EventLeaf leaf)
            {
                if (leaf.Number == null) return false;
                var d = leaf.Number.Value;
                var aboveLow = _lowOpen ? d > _low : d >= _low;
                var belowHigh = _highOpen ? d < _high : d <= _high;
                return aboveLow && belowHigh;
            }
        }

        public sealed class Exists : PatternCondition
        {
            private readonly bool _exists;

            public Exists(bool exists)
            {
                _exists = exists;
            }

            public override bool AcceptsAbsence => !_exists;

            public override bool Accepts(EventLeaf leaf) => _exists;
        }

        /// <summary>cidr: addresses from the one written up to it with every host bit set.</summary>
        public sealed class Cidr : PatternCondition
        {
            private readonly byte[] _from;
            private readonly byte[] _to;

            public Cidr(byte[] from, int prefixBits)
            {
                _from = from;
                _to = (byte[])from.Clone();
                for (var bit = prefixBits; bit < _to.Length * 8; bit++) _to[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }

            public override bool Accepts(EventLeaf leaf)
            {
                if (leaf.Kind != JsonValueKind.String) return false;
                var address = IpText.Parse(leaf.Text!);
                return address != null && address.Length == _from.Length && IpText.Compare(address, _from) >= 0 && IpText.Compare(address, _to) <= 0;
            }
        }
    }

    /// <summary>IP address text: dotted quads, or IPv6 with colons (no zone ids).</summary>
    internal static class IpText
    {
        private static readonly Regex V4 = new Regex("^[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}$", RegexOptions.CultureInvariant);
        private static readonly Regex V6 = new Regex("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$", RegexOptions.CultureInvariant);

        public static byte[]? Parse(string text)
        {
            var v4 = V4.IsMatch(text);
            if (!v4 && !V6.IsMatch(text)) return null;
            if (!IPAddress.TryParse(text, out var address)) return null;
            if (v4 != (address.AddressFamily == AddressFamily.InterNetwork)) return null;
            return address.GetAddressBytes();
        }

        public static int Compare(byte[] a, byte[] b)
        {
            for (var i = 0; i < a.Length && i < b.Length; i++)
            {
                if (a[i] != b[i]) return a[i].CompareTo(b[i]);
            }
            return a.Length.CompareTo(b.Length);
        }
    }

    /// <summary>One leaf value of a flattened event.</summary>
    internal sealed class EventLeaf
    {
        public EventLeaf(JsonElement value, (int Array, int Index)[] membership)
        {
            Kind = value.ValueKind;
            Membership = membership;
            if (Kind == JsonValueKind.String) Text = value.GetString();
            else if (Kind == JsonValueKind.Number)
            {
                Text = value.GetRawText();
                Number = ToDouble(Text);
            }
        }

        public JsonValueKind Kind { get; }
        public string? Text { get; }

        /// <summary>The value as a finite double, for numbers.</summary>
        public double? Number { get; }

        /// <summary>Which element of which event array the value sits in (outermost first).</summary>
        public (int Array, int Index)[] Membership { get; }

        public static double? ToDouble(string literal)
        {
            if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) && !double.IsNaN(d)) return d;
            return null;
        }
    }
}
