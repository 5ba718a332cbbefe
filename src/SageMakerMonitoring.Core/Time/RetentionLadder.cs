using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>
    /// CloudWatch's retention ladder and period rules: 1-second data is kept 3 hours, 1-minute 15 days, 5-minute 63
    /// days, 1-hour 455 days. A period finer than what is retained for the start of a range returns nothing (no
    /// error) from CloudWatch, so the module chooses and validates periods here instead.
    /// </summary>
    public static class RetentionLadder
    {
        public static readonly RetentionTier HighResolution = new RetentionTier(1, TimeSpan.FromHours(3), 1);
        public static readonly RetentionTier OneMinute = new RetentionTier(60, TimeSpan.FromDays(15), 60);
        public static readonly RetentionTier FiveMinutes = new RetentionTier(300, TimeSpan.FromDays(63), 300);
        public static readonly RetentionTier OneHour = new RetentionTier(3600, TimeSpan.FromDays(455), 3600);

        /// <summary>The tiers, finest first.</summary>
        public static IReadOnlyList<RetentionTier> Tiers { get; } = new[] { HighResolution, OneMinute, FiveMinutes, OneHour };

        /// <summary>The periods below a minute that CloudWatch accepts for high-resolution data.</summary>
        public static IReadOnlyList<int> SubMinutePeriods { get; } = new[] { 1, 5, 10, 20, 30 };

        /// <summary>The tier that still holds data starting at <paramref name="start"/>, seen at <paramref name="now"/>; null when older than 455 days.</summary>
        public static RetentionTier? TierFor(DateTime start, DateTime now)
        {
            var age = UtcTime.ToUtc(now) - UtcTime.ToUtc(start);
            foreach (var tier in Tiers)
            {
                if (age <= tier.RetainedFor) return tier;
            }
            return null;
        }

        /// <summary>True when CloudWatch accepts the period at all (1, 5, 10, 20, 30, or a multiple of 60).</summary>
        public static bool IsValidPeriod(int seconds) => seconds >= 60 ? seconds % 60 == 0 : Array.IndexOf((int[])SubMinutePeriods, seconds) >= 0;

        /// <summary>
        /// The finest period CloudWatch still retains for a range starting at <paramref name="start"/> and that the
        /// metric's storage resolution (1 for high-resolution, 60 for standard) supports.
        /// </summary>
        public static int FinestPeriod(DateTime start, DateTime now, int storageResolutionSeconds)
        {
            var tier = TierFor(start, now) ?? throw NotRetained(start, now);
            return Math.Max(tier.FinestPeriodSeconds, storageResolutionSeconds <= 1 ? 1 : 60);
        }

        /// <summary>
        /// Checks an explicit period for a range starting at <paramref name="start"/>. Throws <see cref="MonitoringException"/>
        /// <c>InvalidPeriod</c> for a period CloudWatch never accepts and <c>PeriodNotRetained</c> (naming the finest
        /// valid period) for one finer than what is retained for that start.
        /// </summary>
        public static void ValidatePeriod(int periodSeconds, DateTime start, DateTime now)
        {
            if (periodSeconds <= 0 || !IsValidPeriod(periodSeconds))
            {
                throw new MonitoringException("InvalidPeriod", ErrorKind.InvalidArgument,
                    $"{periodSeconds} seconds is not a CloudWatch period. Use 1, 5, 10, 20, 30, or a multiple of 60 seconds (or Auto).", periodSeconds)
                {
                    RecommendedAction = "Use -Period Auto, or one of 1, 5, 10, 20, 30, 60, 300, 3600 seconds.",
                };
            }

            var tier = TierFor(start, now) ?? throw NotRetained(start, now);
            if (periodSeconds % tier.RequiredMultipleSeconds != 0)
            {
                var startUtc = UtcTime.ToUtc(start);
                var age = UtcTime.ToUtc(now) - startUtc;
                throw new MonitoringException("PeriodNotRetained", ErrorKind.InvalidArgument,
                    $"A period of {Describe(periodSeconds)} is not retained for a range starting {startUtc:yyyy-MM-ddTHH:mm:ssZ} ({DescribeAge(age)} ago): " +
                    $"CloudWatch keeps data that old only at {Describe(tier.FinestPeriodSeconds)} granularity, so the finest valid period is {tier.FinestPeriodSeconds} seconds " +
                    $"(any multiple of {tier.RequiredMultipleSeconds} seconds works).", periodSeconds)
                {
                    RecommendedAction = $"Use -Period {tier.FinestPeriodSeconds} (or a multiple of it), -Period Auto, or a later start time.",
                };
            }
        }

        private static MonitoringException NotRetained(DateTime start, DateTime now) =>
            new MonitoringException("RangeNotRetained", ErrorKind.InvalidArgument,
                $"The range starts {UtcTime.ToUtc(start):yyyy-MM-ddTHH:mm:ssZ}, more than 455 days before now ({UtcTime.ToUtc(now):yyyy-MM-ddTHH:mm:ssZ}); CloudWatch keeps no metric data that old.",
                start)
            {
                RecommendedAction = "Choose a start time within the last 455 days.",
            };

        /// <summary>"1 second", "5 minutes", "1 hour", "90 seconds".</summary>
        public static string Describe(int seconds)
        {
            if (seconds % 3600 == 0) return seconds == 3600 ? "1 hour" : $"{seconds / 3600} hours";
            if (seconds % 60 == 0) return seconds == 60 ? "1 minute" : $"{seconds / 60} minutes";
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }

        private static string DescribeAge(TimeSpan age)
        {
            if (age.TotalDays >= 2) return $"{age.TotalDays:0.#} days";
            if (age.TotalHours >= 2) return $"{age.TotalHours:0.#} hours";
            return $"{Math.Max(0, age.TotalMinutes):0} minutes";
        }
    }
}
