using System;

namespace SageMakerMonitoring.Core.Time
{
    /// <summary>One rung of CloudWatch's retention ladder: data of this granularity is kept for <see cref="RetainedFor"/>.</summary>
    public sealed class RetentionTier
    {
        public RetentionTier(int finestPeriodSeconds, TimeSpan retainedFor, int requiredMultipleSeconds)
        {
            FinestPeriodSeconds = finestPeriodSeconds;
            RetainedFor = retainedFor;
            RequiredMultipleSeconds = requiredMultipleSeconds;
        }

        /// <summary>The finest period readable in this tier (1 s for high-resolution data).</summary>
        public int FinestPeriodSeconds { get; }
        /// <summary>How long data of this granularity is kept.</summary>
        public TimeSpan RetainedFor { get; }
        /// <summary>Every period asked for data this old must be a multiple of this (1 in the high-resolution tier, where 1/5/10/20/30/60·n apply).</summary>
        public int RequiredMultipleSeconds { get; }

        public override string ToString() => $"{FinestPeriodSeconds}s kept {RetainedFor.TotalDays:0.###} days";
    }
}
