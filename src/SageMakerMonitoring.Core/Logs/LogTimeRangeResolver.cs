using System;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Decides the time range of a log read from -StartTime/-EndTime/-Since and the resource: a job's default range is
    /// its own lifetime (creation to end, plus a short grace for the last lines to be shipped); anything else looks back
    /// <see cref="DefaultLookBack"/>.
    /// </summary>
    public static class LogTimeRangeResolver
    {
        public static readonly TimeSpan DefaultLookBack = TimeSpan.FromHours(3);
        /// <summary>How long after a job's end its last lines may still carry timestamps.</summary>
        public static readonly TimeSpan JobEndGrace = TimeSpan.FromMinutes(5);

        /// <param name="job">The job's description, or null when the resource is not a job.</param>
        /// <param name="follow">When following, the end stays open.</param>
        public static LogTimeWindow Resolve(SageMakerJobDescription? job, DateTime? startTime, DateTime? endTime, TimeSpan? since, DateTime now, bool follow)
        {
            if (since.HasValue && startTime.HasValue)
                throw new MonitoringException("InvalidTimeRange", ErrorKind.InvalidArgument, "Give either -Since or -StartTime, not both.", since);
            var end = endTime is DateTime e ? UtcTime.ToUtc(e) : (DateTime?)null;
            if (follow && end.HasValue)
                throw new MonitoringException("InvalidTimeRange", ErrorKind.InvalidArgument, "-Follow reads on as events arrive; it takes no -EndTime.", end);
            now = UtcTime.ToUtc(now);

            LogTimeWindow window;
            if (since is TimeSpan span)
            {
                if (span <= TimeSpan.Zero) throw new MonitoringException("InvalidTimeRange", ErrorKind.InvalidArgument, $"-Since must be a positive duration, not {span}.", span);
                window = new LogTimeWindow((end ?? now) - span, end, end.HasValue ? $"{span} before the end" : $"the last {span}");
            }
            else if (startTime is DateTime s)
            {
                var jobEnd = follow ? null : JobEnd(job);
                window = new LogTimeWindow(UtcTime.ToUtc(s), end ?? jobEnd, "as given");
            }
            else if (job != null && (job.CreationTime ?? job.StartTime) is DateTime created)
            {
                window = new LogTimeWindow(UtcTime.ToUtc(created), end ?? (follow ? null : JobEnd(job)),
                    job.EndTime.HasValue ? $"the lifetime of {job.Name}" : $"{job.Name} from its creation ({job.Status})");
            }
            else
            {
                window = new LogTimeWindow((end ?? now) - DefaultLookBack, end, $"the last {DefaultLookBack.TotalHours:0} hours");
            }

            if (window.Start is DateTime a && window.End is DateTime b && b <= a)
                throw new MonitoringException("InvalidTimeRange", ErrorKind.InvalidArgument, $"The end time {b:o} is not after the start time {a:o}.", b);
            return window;
        }

        private static DateTime? JobEnd(SageMakerJobDescription? job) =>
            job?.EndTime is DateTime e && job.IsTerminal ? UtcTime.ToUtc(e) + JobEndGrace : (DateTime?)null;
    }
}
