namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>One aggregate of <c>stats</c>: count(*), count(f), count_distinct(f), sum, avg, min, max.</summary>
    internal sealed class InsightsAggregation
    {
        public InsightsAggregation(string function, string? field, string outputName)
        {
            Function = function;
            Field = field;
            OutputName = outputName;
        }

        public string Function { get; }
        /// <summary>Null for count(*).</summary>
        public string? Field { get; }
        public string OutputName { get; }
    }
}
