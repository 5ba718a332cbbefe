using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Completers
{
    /// <summary>
    /// Completes job, endpoint and notebook names from the resources that have logs: the most recently written streams
    /// of the shared SageMaker log group (jobs, notebooks), or the per-endpoint groups.
    /// </summary>
    public sealed class LogResourceNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            string? group;
            switch (parameterName)
            {
                case "TrainingJobName": group = LogLocationCatalog.TrainingJobsGroup; break;
                case "ProcessingJobName": group = LogLocationCatalog.ProcessingJobsGroup; break;
                case "TransformJobName": group = LogLocationCatalog.TransformJobsGroup; break;
                case "NotebookInstanceName": group = LogLocationCatalog.NotebookInstancesGroup; break;
                case "EndpointName": group = null; break;
                default: return Array.Empty<CompletionResult>();
            }

            IReadOnlyList<string> names;
            if (group is null)
            {
                var prefix = LogLocationCatalog.EndpointsGroupPrefix + word;
                names = LogCompletionSource.Get(fakeBoundParameters, "endpoints:" + prefix, async (client, ct) =>
                {
                    var page = await client.DescribeLogGroupsAsync(prefix, null, 50, ct).ConfigureAwait(false);
                    var list = new List<string>();
                    foreach (var g in page.LogGroups) list.Add(g.LogGroupName.Substring(LogLocationCatalog.EndpointsGroupPrefix.Length));
                    return list;
                });
            }
            else
            {
                names = LogCompletionSource.Get(fakeBoundParameters, "streams:" + group + ":" + word, async (client, ct) =>
                {
                    var request = new DescribeLogStreamsRequest { LogGroupName = group, Limit = 50 };
                    if (word.Length > 0) request.LogStreamNamePrefix = word;
                    else
                    {
                        request.OrderByLastEventTime = true;
                        request.Descending = true;
                    }
                    var page = await client.DescribeLogStreamsAsync(request, ct).ConfigureAwait(false);
                    var list = new List<string>();
                    foreach (var s in page.LogStreams)
                    {
                        var parsed = LogStreamName.Parse(group, s.LogStreamName);
                        if (parsed.ResourceName != null) list.Add(parsed.ResourceName);
                    }
                    return list;
                });
            }
            return LogCompletionSource.Complete(names, word);
        }
    }
}
