namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    internal sealed class InsightsFieldExpression : InsightsExpression
    {
        public InsightsFieldExpression(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public override object? Evaluate(IInsightsRow row) => row.GetField(Name);
    }
}
