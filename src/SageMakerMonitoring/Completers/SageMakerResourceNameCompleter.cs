using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Completers
{
    /// <summary>
    /// Completes SageMaker resource names (-TrainingJobName, -ProcessingJobName, -TransformJobName, -EndpointName,
    /// -NotebookInstanceName) from the SageMaker List* calls, newest first, filtered by what has been typed.
    /// </summary>
    public sealed class SageMakerResourceNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                SageMakerListKind kind;
                switch (parameterName)
                {
                    case "TrainingJobName": kind = SageMakerListKind.TrainingJobs; break;
                    case "ProcessingJobName": kind = SageMakerListKind.ProcessingJobs; break;
                    case "TransformJobName": kind = SageMakerListKind.TransformJobs; break;
                    case "EndpointName": kind = SageMakerListKind.Endpoints; break;
                    case "NotebookInstanceName": kind = SageMakerListKind.NotebookInstances; break;
                    default: return Array.Empty<CompletionResult>();
                }
                var word = (wordToComplete ?? "").Trim('\'', '"').TrimEnd('*');
                var names = AwsCompletionSource.Get(fakeBoundParameters, "sagemaker:" + kind + ":" + word, async (factory, ct) =>
                {
                    if (!(factory.CreateSageMaker() is ISageMakerResourceLister lister)) return Array.Empty<string>();
                    var page = await lister.ListNamesAsync(kind, word, 100, null, ct).ConfigureAwait(false);
                    return page.Names;
                });
                return LogCompletionSource.Complete(names, word);
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
