namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>One <c>|</c>-separated command of a query.</summary>
    internal abstract class InsightsCommand
    {
    }
}
