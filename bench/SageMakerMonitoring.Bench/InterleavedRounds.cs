using System;
using System.Diagnostics;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// Times a subject and its baseline in alternating rounds after one untimed warm-up of each, so both see the same
    /// machine load and neither pays for JIT compilation; keeps each side's best round (the least disturbed one).
    /// </summary>
    public static class InterleavedRounds
    {
        public static (TimeSpan Subject, TimeSpan Baseline) Best(int rounds, Action subject, Action baseline)
        {
            if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds));
            subject();
            baseline();
            TimeSpan bestSubject = TimeSpan.MaxValue, bestBaseline = TimeSpan.MaxValue;
            for (int round = 0; round < rounds; round++)
            {
                bestSubject = Min(bestSubject, Time(subject));
                bestBaseline = Min(bestBaseline, Time(baseline));
            }
            return (bestSubject, bestBaseline);
        }

        private static TimeSpan Time(Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Stopwatch watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            return watch.Elapsed;
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
