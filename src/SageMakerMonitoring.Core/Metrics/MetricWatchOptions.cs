using System;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>How Watch-SageMakerMetric samples.</summary>
    public sealed class MetricWatchOptions
    {
        /// <summary>Time between reads; null: the period, at least 5 seconds.</summary>
        public TimeSpan? Interval { get; set; }
        /// <summary>Stop at this time (UTC or local).</summary>
        public DateTime? Until { get; set; }
        /// <summary>Stop after this many datapoints.</summary>
        public long? Count { get; set; }
        /// <summary>How far back every read reaches again, so that points arriving late are still written (once).</summary>
        public TimeSpan LateDataWindow { get; set; } = TimeSpan.FromMinutes(5);
        /// <summary>Where the first read starts when the query gives no start: this long before now.</summary>
        public TimeSpan InitialLookBack { get; set; } = TimeSpan.FromMinutes(5);
    }
}
