namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>One compiled form of a filter pattern (terms, regex, JSON or space-delimited).</summary>
    internal abstract class FilterPatternNode
    {
        public abstract bool Matches(string message);
    }
}
