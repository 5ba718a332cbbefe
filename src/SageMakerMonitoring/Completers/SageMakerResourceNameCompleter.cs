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
        private static SageMakerNameList? KindOfEventType(string? eventType)
        {
            switch ((eventType ?? "").Trim().ToLowerInvariant())
            {
                case "trainingjobstatechange": return SageMakerNameList.TrainingJobs;
                case "processingjobstatechange": return SageMakerNameList.ProcessingJobs;
                case "transformjobstatechange": return SageMakerNameList.TransformJobs;
                case "endpointstatechange":
                case "endpointdeploymentstatechange": return SageMakerNameList.Endpoints;
                case "notebookinstancestatechange": return SageMakerNameList.NotebookInstances;
                default: return null;
            }
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                SageMakerNameList kind;
                switch (parameterName)
                {
                    case "TrainingJobName": kind = SageMakerNameList.TrainingJobs; break;
                    case "ProcessingJobName": kind = SageMakerNameList.ProcessingJobs; break;
                    case "TransformJobName": kind = SageMakerNameList.TransformJobs; break;
                    case "EndpointName": kind = SageMakerNameList.Endpoints; break;
                    case "NotebookInstanceName": kind = SageMakerNameList.NotebookInstances; break;
                    case "InferenceComponentName": kind = SageMakerNameList.InferenceComponents; break;
                    case "ResourceName":
                        // Rule and sample-event cmdlets: the kind follows the bound -EventType.
                        if (!(KindOfEventType(LogCompletionSource.Bound(fakeBoundParameters, "EventType")) is SageMakerNameList byEvent)) return Array.Empty<CompletionResult>();
                        kind = byEvent;
                        break;
                    default: return Array.Empty<CompletionResult>();
                }
                var word = (wordToComplete ?? "").Trim('\'', '"').TrimEnd('*');
                var names = AwsCompletionSource.Get(fakeBoundParameters, "sagemaker:" + kind + ":" + word, async (factory, ct) =>
                {
                    var page = await factory.CreateSageMaker().ListNamesAsync(kind, word, null, ct).ConfigureAwait(false);
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
