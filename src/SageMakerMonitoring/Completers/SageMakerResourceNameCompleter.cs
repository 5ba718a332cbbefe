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
    /// -NotebookInstanceName, and -ResourceName after a job, endpoint or notebook -EventType) from the SageMaker List*
    /// calls, newest first, filtered by what has been typed.
    /// </summary>
    public sealed class SageMakerResourceNameCompleter : IArgumentCompleter
    {
        private static SageMakerListKind? KindOfEventType(string? eventType)
        {
            switch ((eventType ?? "").Trim().ToLowerInvariant())
            {
                case "trainingjobstatechange": return SageMakerListKind.TrainingJobs;
                case "processingjobstatechange": return SageMakerListKind.ProcessingJobs;
                case "transformjobstatechange": return SageMakerListKind.TransformJobs;
                case "endpointstatechange":
                case "endpointdeploymentstatechange": return SageMakerListKind.Endpoints;
                case "notebookinstancestatechange": return SageMakerListKind.NotebookInstances;
                default: return null;
            }
        }

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
                    case "ResourceName":
                        // Rule and sample-event cmdlets: the kind follows the bound -EventType.
                        if (!(KindOfEventType(LogCompletionSource.Bound(fakeBoundParameters, "EventType")) is SageMakerListKind byEvent)) return Array.Empty<CompletionResult>();
                        kind = byEvent;
                        break;
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
