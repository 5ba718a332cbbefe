using System;
using System.Globalization;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>Epoch-millisecond conversions used on the Logs wire.</summary>
    internal static class LogsTime
    {
        public static long ToEpochMilliseconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc.ToUniversalTime(), DateTimeKind.Utc)).ToUnixTimeMilliseconds();

        public static DateTime FromEpochMilliseconds(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

        /// <summary>Logs Insights display format, e.g. 2026-11-28 10:00:00.000.</summary>
        public static string FormatInsights(long ms) => FromEpochMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }
}
