using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws.Pacing
{
    /// <summary>
    /// One set of token buckets per service × account × Region × operation, shared by every client in the process (so
    /// parallel cmdlets of one PowerShell session stay under AWS's quotas together), plus GetMetricData's data-points
    /// bucket. Clients pace every HTTP attempt through it; a throttling answer slows that bucket.
    /// </summary>
    public sealed class RequestPacer
    {
        /// <summary>Client-side margins: pace at 95 % of a quota with half a second of burst, so requests that arrive
        /// bunched by the network still fit a service bucket of one second.</summary>
        public const double RateMargin = 0.95;
        public const double BurstSeconds = 0.5;

        public static RequestPacer Shared { get; } = new RequestPacer();

        private readonly ConcurrentDictionary<string, QuotaBucket> _buckets = new ConcurrentDictionary<string, QuotaBucket>(StringComparer.Ordinal);
        private readonly Func<long>? _clock;

        public RequestPacer(Func<long>? clock = null) => _clock = clock;

        /// <summary>The bucket for one operation, or null when no quota is known for it (or pacing is off).</summary>
        public QuotaBucket? RequestBucket(ServiceQuotas quotas, string signingName, string account, string region, string operation)
        {
            if (!quotas.Enabled) return null;
            var tps = quotas.RequestsPerSecond(signingName, operation, region);
            if (tps is null) return null;
            var key = signingName + "|" + account + "|" + region + "|" + operation + "|" + tps.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return _buckets.GetOrAdd(key, _ => new QuotaBucket(tps.Value * RateMargin, Math.Max(1, tps.Value * BurstSeconds), _clock));
        }

        /// <summary>GetMetricData's data-points-per-second bucket for an account and Region, or null when pacing is off.</summary>
        public QuotaBucket? DataPointBucket(ServiceQuotas quotas, string account, string region)
        {
            if (!quotas.Enabled) return null;
            var rate = quotas.GetMetricDataPointsPerSecond;
            var key = "monitoring|" + account + "|" + region + "|points|" + rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return _buckets.GetOrAdd(key, _ => new QuotaBucket(rate * RateMargin, rate * BurstSeconds, _clock));
        }

        /// <summary>Waits what <paramref name="bucket"/> asks before one more request.</summary>
        public static async Task WaitTurnAsync(QuotaBucket? bucket, double tokens, CancellationToken cancellationToken)
        {
            if (bucket is null) return;
            var wait = bucket.Take(tokens);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
