using System;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>How the metric reader re-reads series whose GetMetricData result said InternalError. (Throttling, 5xx and
    /// dropped connections are retried by the SDK, up to the client's maximum attempts.)</summary>
    public sealed class MetricReadOptions
    {
        public static readonly MetricReadOptions Default = new MetricReadOptions();

        /// <summary>Rounds of re-reading series whose result said InternalError.</summary>
        public int InternalErrorRounds { get; set; } = 5;
        /// <summary>Wait before the first re-read; doubled each round up to <see cref="MaxDelay"/>.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
        /// <summary>How waiting is done (replaceable so tests need not sleep).</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (d, ct) => Task.Delay(d, ct);
    }
}
