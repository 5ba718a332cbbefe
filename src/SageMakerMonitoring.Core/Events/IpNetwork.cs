using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// An IPv4 or IPv6 block written in CIDR notation, and a test whether an address string lies inside it. As in
    /// EventBridge's engine, the block runs from the address as written (host bits are not cleared, so
    /// <c>54.240.196.171/24</c> covers .171 to .255) to that address with every host bit set.
    /// </summary>
    internal sealed class IpNetwork
    {
        private readonly byte[] _bottom;
        private readonly byte[] _top;
        private readonly AddressFamily _family;

        private IpNetwork(byte[] bottom, byte[] top, AddressFamily family)
        {
            _bottom = bottom;
            _top = top;
            _family = family;
        }

        public static IpNetwork Parse(string cidr)
        {
            var slash = cidr.IndexOf('/');
            if (slash <= 0 || slash == cidr.Length - 1) throw new FormatException("Nonstandard IP address: " + cidr);
            var addressText = cidr.Substring(0, slash);
            if (!TryParseAddress(addressText, out var address))
            {
                throw new FormatException("Nonstandard IP address: " + addressText);
            }
            var bytes = address!.GetAddressBytes();
            if (!int.TryParse(cidr.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
                || prefix > bytes.Length * 8)
            {
                throw new FormatException("Malformed CIDR, bad bits: " + cidr.Substring(slash + 1));
            }
            var top = (byte[])bytes.Clone();
            SetHostBits(top, prefix);
            return new IpNetwork(bytes, top, address.AddressFamily);
        }

        public bool Contains(string addressText)
        {
            if (!TryParseAddress(addressText, out var address) || address!.AddressFamily != _family) return false;
            var bytes = address.GetAddressBytes();
            return Compare(bytes, _bottom) >= 0 && Compare(bytes, _top) <= 0;
        }

        /// <summary>True when both strings are IP addresses (in the strict forms this class reads) naming the same address.</summary>
        public static bool SameAddress(string left, string right)
        {
            if (!TryParseAddress(left, out var a) || !TryParseAddress(right, out var b) || a!.AddressFamily != b!.AddressFamily) return false;
            return Compare(a.GetAddressBytes(), b.GetAddressBytes()) == 0;
        }

        /// <summary>True when the text is an IP address in a form this class reads.</summary>
        public static bool IsAddress(string text) => TryParseAddress(text, out _);

        private static int Compare(byte[] left, byte[] right)
        {
            for (var i = 0; i < left.Length; i++)
            {
                if (left[i] != right[i]) return left[i] < right[i] ? -1 : 1;
            }
            return 0;
        }

        /// <summary>Dotted-quad IPv4 (exactly four parts) or IPv6 with colons; rejects the shorthand forms IPAddress accepts.</summary>
        private static bool TryParseAddress(string text, out IPAddress? address)
        {
            address = null;
            if (text.Length == 0 || text.Length > 45) return false;
            if (text.IndexOf(':') >= 0)
            {
                if (text.IndexOf('%') >= 0) return false;
                return IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
            }
            var parts = 1;
            foreach (var c in text)
            {
                if (c == '.') parts++;
                else if (c < '0' || c > '9') return false;
            }
            return parts == 4 && IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetwork;
        }

        private static void SetHostBits(byte[] bytes, int prefix)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var bits = prefix - i * 8;
                if (bits >= 8) continue;
                bytes[i] = bits <= 0 ? (byte)0xFF : (byte)(bytes[i] | (0xFF >> bits));
            }
        }
    }
}
