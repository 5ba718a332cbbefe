using System;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>How hard the metric reader tries when CloudWatch throttles, fails or reports per-series errors.</summary>
    public sealed class MetricReadOptions
    {
        public static readonly MetricReadOptions Default = new MetricReadOptions();

        /// <summary>Attempts per GetMetricData page on throttling, 5xx or a dropped connection (on top of the SDK's own retries).</summary>
        public int MaxAttempts { get; set; } = 10;
        /// <summary>Rounds of re-reading series whose result said InternalError.</summary>
        public int InternalErrorRounds { get; set; } = 5;
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
        /// <summary>How waiting is done (replaceable so tests need not sleep).</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (d, ct) => Task.Delay(d, ct);
    }
}
