namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary><c>and</c>, <c>or</c>, or <c>not</c> (Right null).</summary>
    internal sealed class InsightsLogicalExpression : InsightsExpression
    {
        public InsightsLogicalExpression(string op, InsightsExpression left, InsightsExpression? right)
        {
            Operator = op;
            Left = left;
            Right = right;
        }

        public string Operator { get; }
        public InsightsExpression Left { get; }
        public InsightsExpression? Right { get; }

        public override object? Evaluate(IInsightsRow row)
        {
            switch (Operator)
            {
                case "and": return Left.IsTrue(row) && Right!.IsTrue(row);
                case "or": return Left.IsTrue(row) || Right!.IsTrue(row);
                default: return !Left.IsTrue(row);
            }
        }
    }
}
