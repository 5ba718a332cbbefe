using System;
using System.Globalization;

namespace SageMakerMonitoring.Core.Output
{
    /// <summary>
    /// How output objects carry time: <see cref="DateTimeOffset"/> at offset zero, so Export-Csv writes the offset
    /// (<c>+00:00</c>) and ConvertTo-Json an ISO 8601 time with it, where a <see cref="DateTime"/> would lose the UTC mark.
    /// </summary>
    public static class OutputTime
    {
        /// <summary>A UTC (or unspecified, taken as UTC) time as a DateTimeOffset at +00:00; a local time is converted.</summary>
        public static DateTimeOffset From(DateTime time) => time.Kind switch
        {
            DateTimeKind.Local => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
            DateTimeKind.Utc => new DateTimeOffset(time, TimeSpan.Zero),
            _ => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
        };

        public static DateTimeOffset? From(DateTime? time) => time is DateTime t ? From(t) : (DateTimeOffset?)null;

        /// <summary>ISO 8601 with Z: whole seconds when the time has none, else milliseconds.</summary>
        public static string Format(DateTimeOffset time)
        {
            var utc = time.UtcDateTime;
            return utc.Ticks % TimeSpan.TicksPerSecond == 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
    }
}
