using System;
using System.Globalization;
using System.Text;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// GetMetricData's NextToken. Stateless: it names the query to continue with, the first period bucket of that
    /// query not yet returned (in scan direction), and a fingerprint of the request so that a token is only
    /// accepted for the same queries, time range and scan order.
    /// </summary>
    internal readonly struct MetricDataToken
    {
        private const string Prefix = "gmd1";
        public const long NotStarted = long.MinValue;

        public MetricDataToken(int queryIndex, long nextPeriodStart, ulong fingerprint)
        {
            QueryIndex = queryIndex;
            NextPeriodStart = nextPeriodStart;
            Fingerprint = fingerprint;
        }

        public int QueryIndex { get; }
        /// <summary><see cref="NotStarted"/> when the query has returned nothing yet.</summary>
        public long NextPeriodStart { get; }
        public ulong Fingerprint { get; }

        public string Encode()
        {
            var cursor = NextPeriodStart == NotStarted ? "-" : NextPeriodStart.ToString(CultureInfo.InvariantCulture);
            var text = $"{Prefix}:{QueryIndex.ToString(CultureInfo.InvariantCulture)}:{cursor}:{Fingerprint.ToString("x16", CultureInfo.InvariantCulture)}";
            return Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
        }

        public static bool TryDecode(string token, out MetricDataToken result)
        {
            result = default;
            string text;
            try
            {
                text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            }
            catch (FormatException)
            {
                return false;
            }
            var parts = text.Split(':');
            if (parts.Length != 4 || parts[0] != Prefix) return false;
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return false;
            long cursor;
            if (parts[2] == "-") cursor = NotStarted;
            else if (!long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out cursor)) return false;
            if (!ulong.TryParse(parts[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var fingerprint)) return false;
            result = new MetricDataToken(index, cursor, fingerprint);
            return true;
        }

        /// <summary>FNV-1a over the request members that define the result set.</summary>
        public static ulong FingerprintOf(string queries, double start, double end, bool descending)
        {
            var hash = 14695981039346656037UL;
            void Mix(string s)
            {
                foreach (var c in s)
                {
                    hash ^= c;
                    hash *= 1099511628211UL;
                }
                hash ^= 0xFF;
                hash *= 1099511628211UL;
            }
            Mix(queries);
            Mix(start.ToString("R", CultureInfo.InvariantCulture));
            Mix(end.ToString("R", CultureInfo.InvariantCulture));
            Mix(descending ? "desc" : "asc");
            return hash;
        }
    }
}
