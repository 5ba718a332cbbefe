using System;
using System.Globalization;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// Decides, for one API call and all its attempts, when to tell the user that AWS keeps throttling it: once, when
    /// the last attempt was throttled and the call has been going on for at least the threshold (10 s by default). The
    /// times come from the caller, so the decision is tested with a made-up clock.
    /// </summary>
    public sealed class ThrottlingWatch
    {
        /// <summary>How long a call may stay throttled before the user is told.</summary>
        public static readonly TimeSpan DefaultThreshold = TimeSpan.FromSeconds(10);

        private static readonly Lazy<TimeSpan> ConfiguredThreshold = new Lazy<TimeSpan>(ReadThreshold);

        private readonly DateTime _start;
        private readonly TimeSpan _threshold;
        private bool _warned;

        public ThrottlingWatch(DateTime startUtc, TimeSpan threshold)
        {
            _start = startUtc;
            _threshold = threshold < TimeSpan.Zero ? TimeSpan.Zero : threshold;
        }

        /// <summary>The threshold of this process: <see cref="DefaultThreshold"/>, or (read once, for the module's own
        /// tests) SAGEMAKERMONITORING_THROTTLING_WARNING_SECONDS.</summary>
        public static TimeSpan ProcessThreshold => ConfiguredThreshold.Value;

        /// <summary>Attempts that have failed so far.</summary>
        public int FailedAttempts { get; private set; }

        /// <summary>Failed attempts that were throttled.</summary>
        public int ThrottledAttempts { get; private set; }

        /// <summary>Whether the most recent attempt was throttled.</summary>
        public bool LastAttemptThrottled { get; private set; }

        /// <summary>How long the call has been going on at <paramref name="nowUtc"/>.</summary>
        public TimeSpan Elapsed(DateTime nowUtc) => nowUtc > _start ? nowUtc - _start : TimeSpan.Zero;

        /// <summary>Records a failed attempt.</summary>
        public void AttemptFailed(bool throttled)
        {
            FailedAttempts++;
            if (throttled) ThrottledAttempts++;
            LastAttemptThrottled = throttled;
        }

        /// <summary>True exactly once per call: the first time it is asked after the threshold has passed while the last
        /// attempt was throttled (asked after each failed attempt and before each retry).</summary>
        public bool ShouldWarn(DateTime nowUtc)
        {
            if (_warned || !LastAttemptThrottled || Elapsed(nowUtc) < _threshold) return false;
            _warned = true;
            return true;
        }

        /// <summary>The warning's text.</summary>
        public string WarningText(string service, string operation, DateTime nowUtc) =>
            string.Format(CultureInfo.InvariantCulture,
                "AWS is throttling {0} {1}: {2} of {3} attempt{4} in {5:0} s were refused with a request to slow down. Still retrying with back-off; -Verbose shows each attempt.",
                service, operation, ThrottledAttempts, FailedAttempts, FailedAttempts == 1 ? "" : "s", Elapsed(nowUtc).TotalSeconds);

        private static TimeSpan ReadThreshold()
        {
            var text = Environment.GetEnvironmentVariable("SAGEMAKERMONITORING_THROTTLING_WARNING_SECONDS");
            if (!string.IsNullOrWhiteSpace(text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && seconds < 86400)
                return TimeSpan.FromSeconds(seconds);
            return DefaultThreshold;
        }
    }
}
