namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary><c>= != &lt; &lt;= &gt; &gt;=</c>; false when either side is missing.</summary>
    internal sealed class InsightsComparisonExpression : InsightsExpression
    {
        public InsightsComparisonExpression(InsightsExpression left, string op, InsightsExpression right)
        {
            Left = left;
            Operator = op;
            Right = right;
        }

        public InsightsExpression Left { get; }
        public string Operator { get; }
        public InsightsExpression Right { get; }

        public override object? Evaluate(IInsightsRow row)
        {
            object? a = Left.Evaluate(row);
            object? b = Right.Evaluate(row);
            if (a == null || b == null) return false;
            int c = InsightsValues.Compare(a, b);
            switch (Operator)
            {
                case "=": return c == 0;
                case "!=": return c != 0;
                case "<": return c < 0;
                case "<=": return c <= 0;
                case ">": return c > 0;
                default: return c >= 0;
            }
        }
    }
}
