using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Metrics;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes -Statistic with CloudWatch's statistics and the common percentiles.</summary>
    public sealed class StatisticCompleter : IArgumentCompleter
    {
        private static readonly string[] Percentiles = { "p50", "p90", "p95", "p99", "p99.9" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase);
            foreach (var name in MetricStatistic.Standard)
            {
                if (pattern.IsMatch(name)) yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, name);
            }
            foreach (var name in Percentiles)
            {
                if (pattern.IsMatch(name)) yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, name + " percentile");
            }
        }
    }
}
