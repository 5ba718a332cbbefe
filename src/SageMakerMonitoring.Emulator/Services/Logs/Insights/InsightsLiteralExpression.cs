namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    internal sealed class InsightsLiteralExpression : InsightsExpression
    {
        public InsightsLiteralExpression(object? value)
        {
            Value = value;
        }

        public object? Value { get; }

        public override object? Evaluate(IInsightsRow row) => Value;
    }
}
