using System;
using System.Globalization;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>Comparison, conversion and display of query values.</summary>
    internal static class InsightsValues
    {
        public static bool TryGetNumber(object? value, out double number)
        {
            switch (value)
            {
                case double d: number = d; return true;
                case InsightsTimestamp t: number = t.Milliseconds; return true;
                case string s: return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
                case bool b: number = b ? 1 : 0; return true;
                default: number = 0; return false;
            }
        }

        /// <summary>Numeric when both sides are numbers, otherwise ordinal text comparison.</summary>
        public static int Compare(object a, object b)
        {
            if (a is InsightsTimestamp ta && b is string sb && TryParseTime(sb, out long tb)) return ta.Milliseconds.CompareTo(tb);
            if ((a is double || a is InsightsTimestamp || a is bool) && TryGetNumber(a, out double da) && TryGetNumber(b, out double db)) return da.CompareTo(db);
            if (a is string && (b is double) && TryGetNumber(a, out double sa) && TryGetNumber(b, out double nb)) return sa.CompareTo(nb);
            return string.CompareOrdinal(Format(a), Format(b));
        }

        /// <summary>Sort order: values ascending, missing values last.</summary>
        public static int CompareForSort(object? a, object? b)
        {
            if (a == null) return b == null ? 0 : 1;
            if (b == null) return -1;
            return Compare(a, b);
        }

        public static string Format(object? value)
        {
            switch (value)
            {
                case null: return "";
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case double d:
                    if (d == Math.Floor(d) && Math.Abs(d) < 1e15) return ((long)d).ToString(CultureInfo.InvariantCulture);
                    return d.ToString("0.###############", CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "";
            }
        }

        private static bool TryParseTime(string s, out long ms)
        {
            if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime dt))
            {
                ms = LogsTime.ToEpochMilliseconds(dt);
                return true;
            }
            ms = 0;
            return false;
        }
    }
}
