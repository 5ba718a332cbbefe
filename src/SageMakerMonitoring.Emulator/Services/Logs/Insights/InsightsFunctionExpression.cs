using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>Scalar functions: <c>ispresent(f)</c>, <c>isempty(f)</c>, <c>strlen(f)</c>, <c>tolower(f)</c>, <c>toupper(f)</c>.</summary>
    internal sealed class InsightsFunctionExpression : InsightsExpression
    {
        public static readonly HashSet<string> Names = new HashSet<string> { "ispresent", "isempty", "strlen", "tolower", "toupper" };

        public InsightsFunctionExpression(string name, InsightsExpression argument)
        {
            Name = name;
            Argument = argument;
        }

        public string Name { get; }
        public InsightsExpression Argument { get; }

        public override object? Evaluate(IInsightsRow row)
        {
            object? value = Argument.Evaluate(row);
            switch (Name)
            {
                case "ispresent": return value != null;
                case "isempty": return value == null || InsightsValues.Format(value).Length == 0;
                case "strlen": return value == null ? (object?)null : (double)InsightsValues.Format(value).Length;
                case "tolower": return value == null ? null : InsightsValues.Format(value).ToLowerInvariant();
                default: return value == null ? null : InsightsValues.Format(value).ToUpperInvariant();
            }
        }
    }
}
