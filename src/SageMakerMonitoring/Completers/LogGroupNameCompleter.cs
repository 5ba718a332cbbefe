using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes -LogGroupName from DescribeLogGroups (SageMaker's groups when nothing is typed yet).</summary>
    public sealed class LogGroupNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var prefix = word.Length == 0 ? "/aws/sagemaker/" : word;
            var names = LogCompletionSource.Get(fakeBoundParameters, "groups:" + prefix, async (client, ct) =>
            {
                var page = await client.DescribeLogGroupsAsync(prefix, null, 50, ct).ConfigureAwait(false);
                var list = new List<string>();
                foreach (var g in page.LogGroups) list.Add(g.LogGroupName);
                return list;
            });
            return LogCompletionSource.Complete(names, word);
        }
    }
}
