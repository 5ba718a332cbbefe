using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// Samples metrics live. Every interval it reads from (last read − late-data window) to now and writes each
    /// datapoint exactly once: a point is written when its period has ended, and a set of what was written (kept
    /// for the late-data window) drops repeats, so points that arrive late are written when they show up and never
    /// twice. Stops at Until, after Count points, or when cancelled.
    /// </summary>
    public sealed class MetricWatcher
    {
        private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);
        private readonly ICloudWatchClient _cloudWatch;
        private readonly IOperationReporter _reporter;
        private readonly Func<DateTime> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly MetricQueryService _service;
        private readonly MetricReadOptions _options;

        public MetricWatcher(ICloudWatchClient cloudWatch, ISageMakerClient? sageMaker, IOperationReporter? reporter = null, Func<DateTime>? clock = null,
            Func<TimeSpan, CancellationToken, Task>? delay = null, MetricReadOptions? options = null)
        {
            _cloudWatch = cloudWatch;
            _reporter = reporter ?? NullOperationReporter.Instance;
            _clock = clock ?? (() => DateTime.UtcNow);
            _delay = delay ?? ((d, ct) => Task.Delay(d, ct));
            _options = options ?? MetricReadOptions.Default;
            _service = new MetricQueryService(cloudWatch, sageMaker, _reporter, _clock, _options);
        }

        /// <summary>Reads made so far.</summary>
        public int Ticks { get; private set; }

        public async IAsyncEnumerable<MetricDatapoint> WatchAsync(MetricQuery query, MetricWatchOptions watch, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (watch.Count is long c && c <= 0) yield break;
            var now = UtcTime.ToUtc(_clock());
            var until = watch.Until is DateTime u ? UtcTime.ToUtc(u) : (DateTime?)null;
            if (until != null && until <= now) yield break;

            var startQuery = new MetricQuery(query.Selection)
            {
                MetricNames = query.MetricNames,
                Statistics = query.Statistics,
                Period = query.Period,
                StartTime = query.StartTime ?? (query.Since is null ? now - watch.InitialLookBack : (DateTime?)null),
                Since = query.Since,
            };
            var prepared = await _service.PrepareAsync(startQuery, forWatch: true, cancellationToken).ConfigureAwait(false);
            if (prepared is null) yield break;

            var series = prepared.Series;
            var reader = new MetricDataReader(_cloudWatch, _reporter, _options);
            var detector = new StorageResolutionDetector();
            var seen = new SeenDatapointSet();
            var from = prepared.Range.Start;
            long written = 0;
            TimeSpan? interval = watch.Interval;

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var tickNow = UtcTime.ToUtc(_clock());
                var readEnd = until != null && until < tickNow ? until.Value : tickNow;
                Ticks++;
                if (readEnd > from)
                {
                    var plan = MetricQueryPlanner.Plan(series, from, readEnd, s => detector.DensityOf(s, s.QueryPeriod));
                    foreach (var call in plan.Calls)
                    {
                        await foreach (var point in reader.ReadAsync(call, (s, ts) => ts + TimeSpan.FromSeconds(s.Period) <= readEnd && !seen.Contains(s, ts), detector.Observe, cancellationToken, s => detector.MarkStandard(s, series)).ConfigureAwait(false))
                        {
                            if (!seen.Add(point.Series, point.UtcTimestamp)) continue;
                            written++;
                            yield return point;
                            if (watch.Count is long max && written >= max) yield break;
                        }
                    }
                    // Next read reaches back over the late-data window; what is older than that is never read again.
                    from = Max(from, readEnd - watch.LateDataWindow);
                    from = Max(prepared.Range.Start, from);
                    seen.ForgetBefore(from - TimeSpan.FromSeconds(series.Max(s => s.Period)));
                }

                if (until != null && UtcTime.ToUtc(_clock()) >= until) yield break;
                if (interval is null)
                {
                    var finest = series.Min(s => s.Period);
                    interval = TimeSpan.FromSeconds(finest) < MinimumInterval ? MinimumInterval : TimeSpan.FromSeconds(finest);
                    _reporter.Verbose($"Watching {series.Count} series every {interval.Value.TotalSeconds:0} s (late data accepted for {watch.LateDataWindow.TotalMinutes:0.#} min).");
                }
                var wait = interval.Value;
                if (until != null)
                {
                    var left = until.Value - UtcTime.ToUtc(_clock());
                    if (left < wait) wait = left < TimeSpan.Zero ? TimeSpan.Zero : left;
                }
                await _delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }
}
