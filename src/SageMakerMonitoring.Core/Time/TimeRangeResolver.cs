using System;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>
    /// Turns what a user typed (-StartTime/-EndTime, -Since, or nothing) into a UTC range. Without any of them a job's
    /// own start to end is used (a running job: to now), anything else gets the last <see cref="DefaultLookBack"/>.
    /// </summary>
    public static class TimeRangeResolver
    {
        public static readonly TimeSpan DefaultLookBack = TimeSpan.FromHours(3);

        /// <summary>True when neither a start, an end nor a look-back was given, so a job's own times decide.</summary>
        public static bool NeedsResourceTimes(DateTime? startTime, DateTime? endTime, TimeSpan? since) =>
            startTime is null && endTime is null && since is null;

        /// <param name="jobStart">The job's start (or creation) time, when the range comes from a job.</param>
        /// <param name="jobEnd">The job's end time; null while it runs.</param>
        public static TimeRange Resolve(DateTime? startTime, DateTime? endTime, TimeSpan? since, DateTime now, DateTime? jobStart = null, DateTime? jobEnd = null)
        {
            now = UtcTime.ToUtc(now);
            if (since is TimeSpan span)
            {
                if (span <= TimeSpan.Zero) throw Invalid($"-Since must be a positive duration, not {span}.", span);
                if (startTime != null) throw Invalid("Give either -Since or -StartTime, not both.", span);
                var end = endTime is DateTime e ? UtcTime.ToUtc(e) : now;
                return Checked(end - span, end);
            }

            if (startTime != null || endTime != null)
            {
                var end = endTime is DateTime e ? UtcTime.ToUtc(e) : now;
                var start = startTime is DateTime s ? UtcTime.ToUtc(s) : end - DefaultLookBack;
                return Checked(start, end);
            }

            if (jobStart is DateTime js)
            {
                var start = UtcTime.ToUtc(js);
                var end = jobEnd is DateTime je ? UtcTime.ToUtc(je) : now;
                if (end <= start) end = start.AddMinutes(1);
                return new TimeRange(start, end);
            }

            return new TimeRange(now - DefaultLookBack, now);
        }

        private static TimeRange Checked(DateTime start, DateTime end)
        {
            if (end <= start)
            {
                throw Invalid($"The end time {end:yyyy-MM-ddTHH:mm:ssZ} is not after the start time {start:yyyy-MM-ddTHH:mm:ssZ}.", end);
            }
            return new TimeRange(start, end);
        }

        private static MonitoringException Invalid(string message, object target) =>
            new MonitoringException("InvalidTimeRange", ErrorKind.InvalidArgument, message, target);
    }
}
