using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary><c>field in ["a", "b", 3]</c> (or <c>not in</c> via <see cref="InsightsLogicalExpression"/>).</summary>
    internal sealed class InsightsInExpression : InsightsExpression
    {
        public InsightsInExpression(InsightsExpression operand, IReadOnlyList<object> values)
        {
            Operand = operand;
            Values = values;
        }

        public InsightsExpression Operand { get; }
        public IReadOnlyList<object> Values { get; }

        public override object? Evaluate(IInsightsRow row)
        {
            object? value = Operand.Evaluate(row);
            if (value == null) return false;
            foreach (object candidate in Values)
            {
                if (InsightsValues.Compare(value, candidate) == 0) return true;
            }
            return false;
        }
    }
}
