using System;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary><c>field like /regex/</c>, <c>field =~ /regex/</c> or <c>field like "substring"</c> (case-sensitive).</summary>
    internal sealed class InsightsLikeExpression : InsightsExpression
    {
        private readonly Regex? _regex;
        private readonly string? _substring;

        public InsightsLikeExpression(InsightsExpression operand, Regex? regex, string? substring)
        {
            Operand = operand;
            _regex = regex;
            _substring = substring;
        }

        public InsightsExpression Operand { get; }

        public override object? Evaluate(IInsightsRow row)
        {
            object? value = Operand.Evaluate(row);
            if (value == null) return false;
            string text = InsightsValues.Format(value);
            return _regex != null ? _regex.IsMatch(text) : text.IndexOf(_substring!, StringComparison.Ordinal) >= 0;
        }
    }
}
