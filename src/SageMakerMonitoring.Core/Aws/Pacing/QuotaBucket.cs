using System;

namespace SageMakerMonitoring.Core.Aws.Pacing
{
    /// <summary>
    /// A token bucket that lends: taking more than it holds leaves it in debt, and the caller is told how long to wait
    /// until the debt is paid back. Over any window of length t, what is taken stays within Capacity + Rate × t, however
    /// many callers share it. A throttling answer halves the rate (never below a tenth of the configured one); the rate
    /// then grows back by a tenth of the configured rate per second without throttling. Thread-safe.
    /// </summary>
    public sealed class QuotaBucket
    {
        private readonly object _gate = new object();
        private readonly Func<long> _clock;
        private double _tokens;
        private double _rate;
        private long _last;
        private long _lastThrottle;

        /// <param name="rate">Tokens per second.</param>
        /// <param name="capacity">The most that can be taken at once after a quiet spell.</param>
        /// <param name="clock">Monotonic ticks (TimeSpan ticks); default Stopwatch-based.</param>
        public QuotaBucket(double rate, double capacity, Func<long>? clock = null)
        {
            if (!(rate > 0) || double.IsInfinity(rate)) throw new ArgumentOutOfRangeException(nameof(rate));
            if (!(capacity > 0) || double.IsInfinity(capacity)) throw new ArgumentOutOfRangeException(nameof(capacity));
            ConfiguredRate = rate;
            Capacity = capacity;
            _clock = clock ?? MonotonicTicks;
            _rate = rate;
            _tokens = capacity;
            _last = _clock();
            _lastThrottle = long.MinValue;
        }

        public double ConfiguredRate { get; }
        public double Capacity { get; }
        /// <summary>The rate in force now (below <see cref="ConfiguredRate"/> after throttling).</summary>
        public double Rate { get { lock (_gate) { Refill(_clock()); return _rate; } } }
        /// <summary>Tokens held now; negative while in debt.</summary>
        public double Tokens { get { lock (_gate) { Refill(_clock()); return _tokens; } } }

        /// <summary>Takes <paramref name="tokens"/> (0 to only wait for the debt to clear) and returns how long the caller
        /// must wait before acting on them.</summary>
        public TimeSpan Take(double tokens)
        {
            if (tokens < 0 || double.IsNaN(tokens)) throw new ArgumentOutOfRangeException(nameof(tokens));
            lock (_gate)
            {
                Refill(_clock());
                _tokens -= tokens;
                return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(-_tokens / _rate * TimeSpan.TicksPerSecond));
            }
        }

        /// <summary>Records use that is known only afterwards (e.g. data points in an answer): it is taken as debt.</summary>
        public void Consume(double tokens) => Take(tokens);

        /// <summary>Gives back tokens taken for use that did not happen (a reservation larger than the use, a refused
        /// request); the bucket never holds more than its capacity.</summary>
        public void Refund(double tokens)
        {
            if (tokens < 0 || double.IsNaN(tokens)) throw new ArgumentOutOfRangeException(nameof(tokens));
            lock (_gate)
            {
                Refill(_clock());
                _tokens = Math.Min(Capacity, _tokens + tokens);
            }
        }

        /// <summary>The service said "slow down": halve the rate and drop what the bucket held.</summary>
        public void Throttled()
        {
            lock (_gate)
            {
                var now = _clock();
                Refill(now);
                _rate = Math.Max(ConfiguredRate / 10, _rate / 2);
                _tokens = Math.Min(_tokens, 0);
                _lastThrottle = now;
            }
        }

        private void Refill(long now)
        {
            var elapsed = (now - _last) / (double)TimeSpan.TicksPerSecond;
            if (elapsed <= 0) return;
            _tokens = Math.Min(Capacity, _tokens + elapsed * _rate);
            _last = now;
            if (_rate < ConfiguredRate && _lastThrottle != long.MinValue && now - _lastThrottle > TimeSpan.TicksPerSecond)
                _rate = Math.Min(ConfiguredRate, _rate + ConfiguredRate / 10 * elapsed);
        }

        private static readonly double TicksPerStopwatchTick = TimeSpan.TicksPerSecond / (double)System.Diagnostics.Stopwatch.Frequency;

        private static long MonotonicTicks() => (long)(System.Diagnostics.Stopwatch.GetTimestamp() * TicksPerStopwatchTick);
    }
}
