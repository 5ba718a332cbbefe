namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>
    /// A row a query command sees. Values are string, double, bool, <see cref="InsightsTimestamp"/> or null
    /// (absent field).
    /// </summary>
    internal interface IInsightsRow
    {
        object? GetField(string name);
    }
}
