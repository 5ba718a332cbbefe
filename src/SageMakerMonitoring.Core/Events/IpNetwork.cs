using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>An IPv4 or IPv6 block written in CIDR notation, and a test whether an address string lies inside it.</summary>
    internal sealed class IpNetwork
    {
        private readonly byte[] _network;
        private readonly int _prefixLength;
        private readonly AddressFamily _family;

        private IpNetwork(byte[] network, int prefixLength, AddressFamily family)
        {
            _network = network;
            _prefixLength = prefixLength;
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
            Mask(bytes, prefix);
            return new IpNetwork(bytes, prefix, address.AddressFamily);
        }

        public bool Contains(string addressText)
        {
            if (!TryParseAddress(addressText, out var address) || address!.AddressFamily != _family) return false;
            var bytes = address.GetAddressBytes();
            Mask(bytes, _prefixLength);
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != _network[i]) return false;
            }
            return true;
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

        private static void Mask(byte[] bytes, int prefix)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var bits = prefix - i * 8;
                if (bits >= 8) continue;
                bytes[i] = bits <= 0 ? (byte)0 : (byte)(bytes[i] & (0xFF << (8 - bits)));
            }
        }
    }
}
