using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Findings;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes <c>-Rule</c>: the training-job rules with -TrainingJobName, the endpoint rules with -EndpointName, else all.</summary>
    public sealed class UtilizationRuleCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<string> rules = UtilizationRules.All;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("EndpointName")) rules = UtilizationRules.Endpoint;
            else if (fakeBoundParameters != null && fakeBoundParameters.Contains("TrainingJobName")) rules = UtilizationRules.TrainingJob;
            return FixedValueCompletions.StartingWith(wordToComplete, rules, UtilizationRules.Describe);
        }
    }
}
