using System;
using System.Text;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>URI encoding as SigV4 defines it: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded (upper-case hex).</summary>
    public static class AwsUriEncoding
    {
        public static string Encode(string value, bool keepSlash)
        {
            bool clean = true;
            foreach (char c in value)
            {
                if (!IsUnreserved(c) && !(keepSlash && c == '/')) { clean = false; break; }
            }
            if (clean) return value;

            var builder = new StringBuilder(value.Length * 2);
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            foreach (byte b in bytes)
            {
                char c = (char)b;
                if (b < 0x80 && (IsUnreserved(c) || (keepSlash && c == '/'))) builder.Append(c);
                else builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
            return builder.ToString();
        }

        /// <summary>Percent-decoding that leaves '+' alone (URI paths and SigV4 query strings).</summary>
        public static string DecodePercent(string value) =>
            value.IndexOf('%') < 0 ? value : Uri.UnescapeDataString(value);

        /// <summary>Form decoding: '+' is a space, then percent-decoding.</summary>
        public static string DecodeForm(string value) => DecodePercent(value.Replace('+', ' '));

        private static bool IsUnreserved(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
