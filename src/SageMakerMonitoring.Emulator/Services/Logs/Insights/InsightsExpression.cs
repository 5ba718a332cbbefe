namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>An expression of the <c>filter</c> command (or an operand of one).</summary>
    internal abstract class InsightsExpression
    {
        public abstract object? Evaluate(IInsightsRow row);

        public bool IsTrue(IInsightsRow row) => Evaluate(row) is bool b && b;
    }
}
