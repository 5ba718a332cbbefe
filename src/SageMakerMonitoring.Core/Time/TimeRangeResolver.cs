using System;
using System.Collections.Generic;
using System.Globalization;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>
    /// The one place that turns what a user typed (-StartTime/-EndTime, -Since, or nothing) into a UTC range, for metric
    /// reads and log reads and queries alike. Without any of them a job's own span decides (creation to end plus
    /// <see cref="JobEndGrace"/>; a running job: to now), anything else gets the last <see cref="DefaultLookBack"/>.
    /// Ranges are bounded to what the service can hold: metrics no earlier than <see cref="MetricRetention"/> before now,
    /// logs no earlier than the Unix epoch; both no later than now plus an allowance (<see cref="ClockSkewAllowance"/>
    /// for metrics, <see cref="LogFutureAllowance"/> for logs). Each clip is named in <see cref="ResolvedTimeRange.Clips"/>.
    /// All arithmetic is on ticks with explicit bounds, so <c>DateTime.MinValue</c>/<c>MaxValue</c> and huge durations
    /// neither overflow nor produce a range nobody could read.
    /// </summary>
    public static class TimeRangeResolver
    {
        public static readonly TimeSpan DefaultLookBack = TimeSpan.FromHours(3);
        /// <summary>How long CloudWatch keeps metric data (the 1-hour tier).</summary>
        public static readonly TimeSpan MetricRetention = TimeSpan.FromDays(455);
        /// <summary>How far past now a metric range may reach (clocks differ a little).</summary>
        public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);
        /// <summary>How far past now a log range may reach: CloudWatch Logs accepts events up to 2 hours in the future.</summary>
        public static readonly TimeSpan LogFutureAllowance = TimeSpan.FromHours(2);
        /// <summary>How long after a job's end its last lines and datapoints may still carry timestamps.</summary>
        public static readonly TimeSpan JobEndGrace = TimeSpan.FromMinutes(5);

        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>True when neither a start, an end nor a look-back was given, so a job's own times decide.</summary>
        public static bool NeedsResourceTimes(DateTime? startTime, DateTime? endTime, TimeSpan? since) =>
            startTime is null && endTime is null && since is null;

        public static ResolvedTimeRange Resolve(TimeRangeRequest request, DateTime now)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            now = UtcTime.ToUtc(now);
            var logs = request.Service == TimeRangeService.Logs;
            var earliest = logs ? UnixEpoch : Subtract(now, MetricRetention);
            var latest = Add(now, logs ? LogFutureAllowance : ClockSkewAllowance);
            var clips = new List<string>();

            var start = request.StartTime is DateTime s ? UtcTime.ToUtc(s) : (DateTime?)null;
            var end = request.EndTime is DateTime e ? UtcTime.ToUtc(e) : (DateTime?)null;
            if (request.Since is TimeSpan since)
            {
                if (since <= TimeSpan.Zero) throw Invalid($"-Since must be a positive duration, not {since}.", since);
                if (start != null) throw Invalid("Give either -Since or -StartTime, not both.", since);
            }
            if (request.Follow && end != null)
                throw Invalid("-Follow reads on as events arrive; it takes no -EndTime.", end);
            if (start is DateTime s0 && end is DateTime e0 && e0 <= s0)
                throw Invalid($"The end time {Format(e0)} is not after the start time {Format(s0)}.", e0);

            // The end first: what the user gave, bounded; else the resource's end; else open (logs) or now (metrics).
            string reason;
            if (end is DateTime givenEnd)
            {
                if (givenEnd > latest)
                {
                    clips.Add($"-EndTime {Format(givenEnd)} is in the future; reading up to {Format(latest)} (now plus {Describe(latest - now)}).");
                    end = latest;
                }
                if (end < earliest)
                {
                    throw Invalid($"The end time {Format(givenEnd)} is before {Format(earliest)}, {(logs ? "the earliest time CloudWatch Logs can hold" : $"the oldest data CloudWatch keeps ({MetricRetention.TotalDays:0} days)")}.", givenEnd);
                }
            }

            var span = request.ResourceSpan;
            if (request.Since is TimeSpan look)
            {
                var anchor = end ?? now;
                var reachesPast = anchor.Ticks - earliest.Ticks < look.Ticks;
                start = reachesPast ? earliest : anchor - look;
                if (reachesPast)
                {
                    clips.Add($"-Since {Describe(look)} reaches back before {Format(earliest)}; reading from {Format(earliest)} ({(logs ? "the earliest time CloudWatch Logs can hold" : $"CloudWatch keeps metrics for {MetricRetention.TotalDays:0} days")}).");
                }
                reason = end is null ? $"the last {Describe(look)}" : $"{Describe(look)} before the end";
            }
            else if (start != null)
            {
                reason = "as given";
                if (end is null && span?.End is DateTime spanEnd && !request.Follow) end = Bounded(Add(spanEnd, JobEndGrace), latest);
            }
            else if (span != null)
            {
                start = span.Start;
                if (end is null && !request.Follow)
                {
                    end = span.End is DateTime spanEnd ? Bounded(Add(spanEnd, JobEndGrace), latest) : (logs ? (DateTime?)null : now);
                }
                reason = span.End is null ? $"{span.Label} from its creation" : $"the lifetime of {span.Label}";
            }
            else
            {
                start = Subtract(end ?? now, DefaultLookBack);
                reason = $"the last {Describe(DefaultLookBack)}" + (end is null ? "" : " before the end");
            }

            if (start < earliest)
            {
                if (request.Since is null)
                {
                    clips.Add($"{(request.StartTime != null ? "-StartTime" : "The start")} {Format(start!.Value)} is before {Format(earliest)}; reading from {Format(earliest)} ({(logs ? "the earliest time CloudWatch Logs can hold" : $"CloudWatch keeps metrics for {MetricRetention.TotalDays:0} days")}).");
                }
                start = earliest;
            }
            if (start > latest)
            {
                throw Invalid($"The start time {Format(start!.Value)} is in the future (after {Format(latest)}).", start);
            }
            if (!logs && end is null) end = now;
            if (end is DateTime finalEnd && finalEnd <= start)
            {
                if (request.StartTime is null && request.EndTime is null && request.Since is null)
                {
                    end = Add(start!.Value, TimeSpan.FromMinutes(1)); // a job that ended the instant it began
                }
                else
                {
                    throw Invalid($"The end time {Format(finalEnd)} is not after the start time {Format(start!.Value)}.", finalEnd);
                }
            }
            return new ResolvedTimeRange(start!.Value, end, reason, clips);
        }

        private static DateTime Bounded(DateTime value, DateTime latest) => value > latest ? latest : value;

        private static DateTime Add(DateTime value, TimeSpan span) =>
            DateTime.MaxValue.Ticks - value.Ticks < span.Ticks ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : value + span;

        private static DateTime Subtract(DateTime value, TimeSpan span) =>
            value.Ticks < span.Ticks ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : value - span;

        private static string Format(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        /// <summary>3 h, 30 min, 455 d, 2 h 05 min.</summary>
        public static string Describe(TimeSpan span)
        {
            if (span >= TimeSpan.FromDays(2)) return $"{Math.Floor(span.TotalDays).ToString(CultureInfo.InvariantCulture)} d";
            if (span >= TimeSpan.FromHours(1))
                return span.Minutes == 0 ? $"{(long)span.TotalHours} h" : $"{(long)span.TotalHours} h {span.Minutes:00} min";
            if (span >= TimeSpan.FromMinutes(1)) return $"{(long)span.TotalMinutes} min";
            return $"{(long)span.TotalSeconds} s";
        }

        private static MonitoringException Invalid(string message, object? target) =>
            new MonitoringException("InvalidTimeRange", ErrorKind.InvalidArgument, message, target)
            {
                RecommendedAction = "Give a start before the end, within what CloudWatch keeps (metrics: 455 days), and no later than now.",
            };
    }
}
