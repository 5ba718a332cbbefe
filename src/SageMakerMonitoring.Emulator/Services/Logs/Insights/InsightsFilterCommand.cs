namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    internal sealed class InsightsFilterCommand : InsightsCommand
    {
        public InsightsFilterCommand(InsightsExpression condition)
        {
            Condition = condition;
        }

        public InsightsExpression Condition { get; }
    }
}
