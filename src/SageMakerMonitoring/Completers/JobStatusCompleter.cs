using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Resources;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes <c>-Status</c> with the status values of the job kind already named (-TrainingJobName,
    /// -ProcessingJobName, -TransformJobName), every job status otherwise. No AWS call.</summary>
    public sealed class JobStatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<string> values = ResourceStatuses.AllJobStatuses;
            if (fakeBoundParameters != null)
            {
                if (fakeBoundParameters.Contains("ProcessingJobName")) values = ResourceStatuses.For(SageMakerResourceType.ProcessingJob);
                else if (fakeBoundParameters.Contains("TransformJobName")) values = ResourceStatuses.For(SageMakerResourceType.TransformJob);
            }
            return FixedValueCompletions.StartingWith(wordToComplete, values);
        }
    }
}
