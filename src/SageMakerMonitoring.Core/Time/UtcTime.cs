using System;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>Conversions every part of the module shares: user times are local or UTC, output is always UTC.</summary>
    public static class UtcTime
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Local and unspecified kinds are taken as local time (what a user typing a date means).</summary>
        public static DateTime ToUtc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local).ToUniversalTime();

        public static DateTime FromEpochSeconds(double seconds) => Epoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        public static DateTime FromEpochMilliseconds(long milliseconds) => Epoch.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        public static long ToEpochSeconds(DateTime value) => (ToUtc(value).Ticks - Epoch.Ticks) / TimeSpan.TicksPerSecond;
        public static long ToEpochMilliseconds(DateTime value) => (ToUtc(value).Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond;

        /// <summary>Rounds down to a multiple of <paramref name="step"/> since the epoch.</summary>
        public static DateTime Floor(DateTime value, TimeSpan step)
        {
            var t = ToUtc(value).Ticks - Epoch.Ticks;
            return new DateTime(Epoch.Ticks + t - t % step.Ticks, DateTimeKind.Utc);
        }
    }
}
