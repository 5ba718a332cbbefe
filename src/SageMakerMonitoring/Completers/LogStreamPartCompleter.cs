using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes -HostName, -VariantName, -ContainerName and -LifecycleConfigHook from the streams of the resource already named on the command line.</summary>
    public sealed class LogStreamPartCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            if (parameterName == "LifecycleConfigHook")
                return LogCompletionSource.Complete(new[] { LogStreamName.LifecycleConfigOnStart, LogStreamName.LifecycleConfigOnCreate }, wordToComplete);
            var resource = ResourceOf(fakeBoundParameters);
            if (resource is null) return Array.Empty<CompletionResult>();
            LogLocation location;
            try { location = LogLocationCatalog.For(resource); }
            catch (Exception) { return Array.Empty<CompletionResult>(); }

            var values = LogCompletionSource.Get(fakeBoundParameters, $"parts:{location}:{parameterName}", async (client, ct) =>
            {
                var streams = await new LogStreamLister(client).ListAsync(location, LogStreamSelector.All, true, ct).ConfigureAwait(false);
                var list = new List<string>();
                foreach (var s in streams)
                {
                    var v = parameterName switch
                    {
                        "HostName" => s.Host,
                        "VariantName" => s.VariantName,
                        "ContainerName" => s.ContainerName,
                        _ => null,
                    };
                    if (v != null) list.Add(v);
                }
                return list;
            });
            return LogCompletionSource.Complete(values, wordToComplete);
        }

        private static SageMakerResource? ResourceOf(IDictionary bound)
        {
            (string Parameter, SageMakerResourceType Type)[] map =
            {
                ("TrainingJobName", SageMakerResourceType.TrainingJob),
                ("ProcessingJobName", SageMakerResourceType.ProcessingJob),
                ("TransformJobName", SageMakerResourceType.TransformJob),
                ("EndpointName", SageMakerResourceType.Endpoint),
                ("NotebookInstanceName", SageMakerResourceType.NotebookInstance),
                ("LabelingJobName", SageMakerResourceType.LabelingJob),
                ("InferenceRecommendationsJobName", SageMakerResourceType.InferenceRecommendationsJob),
                ("LogGroupName", SageMakerResourceType.Custom),
            };
            foreach (var (parameter, type) in map)
            {
                var name = LogCompletionSource.Bound(bound, parameter);
                if (!string.IsNullOrWhiteSpace(name)) return SageMakerResource.Create(type, name!);
            }
            return null;
        }
    }
}
