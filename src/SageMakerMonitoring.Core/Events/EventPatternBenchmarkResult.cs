namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// Figures of one <see cref="EventPatternBenchmark.Run"/>, all measured in the same run on one thread, in checks per
    /// second of CPU time (best of three rounds).
    /// </summary>
    public sealed class EventPatternBenchmarkResult
    {
        public EventPatternBenchmarkResult(int iterations, double checksPerSecond, double eventParsedPerCheck, double baselineChecksPerSecond)
        {
            Iterations = iterations;
            ChecksPerSecond = checksPerSecond;
            EventParsedPerCheckChecksPerSecond = eventParsedPerCheck;
            BaselineChecksPerSecond = baselineChecksPerSecond;
        }

        public int Iterations { get; }

        /// <summary>Pattern compiled once, event parsed once, checked many times.</summary>
        public double ChecksPerSecond { get; }

        /// <summary>Pattern compiled once, the event JSON parsed for every check.</summary>
        public double EventParsedPerCheckChecksPerSecond { get; }

        /// <summary>Baseline: pattern and event both parsed for every check.</summary>
        public double BaselineChecksPerSecond { get; }

        /// <summary>How many times faster the compiled path is than the baseline.</summary>
        public double Ratio => BaselineChecksPerSecond > 0 ? ChecksPerSecond / BaselineChecksPerSecond : 0;
    }
}
