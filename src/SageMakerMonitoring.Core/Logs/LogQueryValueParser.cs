using System;
using System.Globalization;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Types the string values Logs Insights returns: its timestamp format (<c>2026-11-28 10:00:00.000</c>, used by
    /// <c>@timestamp</c>, <c>@ingestionTime</c> and <c>bin()</c>) becomes a UTC DateTime, integers a long, other numbers a
    /// double. Text fields (<c>@message</c>, <c>@logStream</c>, <c>@log</c>, <c>@ptr</c>) and numbers written with leading
    /// zeros (identifiers) stay strings.
    /// </summary>
    public static class LogQueryValueParser
    {
        private static readonly string[] TimestampFormats = { "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss" };

        public static object? Parse(string field, string? value)
        {
            if (value is null) return null;
            if (IsTextField(field)) return value;
            if (value.Length >= 19 && value[4] == '-' && value[10] == ' '
                && DateTime.TryParseExact(value, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                return DateTime.SpecifyKind(time, DateTimeKind.Utc);
            if (LooksNumeric(value))
            {
                if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d)) return d;
            }
            return value;
        }

        private static bool IsTextField(string field) =>
            field == "@message" || field == "@logStream" || field == "@log" || field == "@ptr" || field == "@entity";

        private static bool LooksNumeric(string value)
        {
            var i = 0;
            if (value.Length > 0 && (value[0] == '-' || value[0] == '+')) i = 1;
            if (i >= value.Length || value[i] < '0' || value[i] > '9') return false;
            // "007" is an identifier, "0.7" is a number.
            if (value[i] == '0' && i + 1 < value.Length && value[i + 1] >= '0' && value[i + 1] <= '9') return false;
            for (var j = i; j < value.Length; j++)
            {
                var c = value[j];
                if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') return false;
            }
            return true;
        }
    }
}
