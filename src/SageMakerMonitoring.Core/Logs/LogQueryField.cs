namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>One field of a Logs Insights result row, with its value typed: DateTime for timestamps, long or double
    /// for numbers, string otherwise.</summary>
    public sealed record LogQueryField(string Name, object? Value);
}
