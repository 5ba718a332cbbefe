namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    internal sealed class InsightsLimitCommand : InsightsCommand
    {
        public InsightsLimitCommand(int count)
        {
            Count = count;
        }

        public int Count { get; }
    }
}
