using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Metrics.Publishing;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes -Unit with CloudWatch's standard units. Never throws.</summary>
    public sealed class MetricUnitCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return MetricDatumRules.Units
                .Where(u => u.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(u => new CompletionResult(u.IndexOf('/') >= 0 ? "'" + u + "'" : u, u, CompletionResultType.ParameterValue, u))
                .ToList();
        }
    }
}
