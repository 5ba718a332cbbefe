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
            return FixedValueCompletions.StartingWith(wordToComplete, MetricDatumRules.Units);
        }
    }
}
