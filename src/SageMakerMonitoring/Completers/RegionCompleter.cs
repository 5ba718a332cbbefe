using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes -Region with the region names the AWS SDK knows (its endpoint data); the tooltip is the
    /// region's display name. No call to AWS.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase);
            foreach (var region in AwsRegionNames.All)
            {
                if (pattern.IsMatch(region.Name))
                    yield return new CompletionResult(region.Name, region.Name, CompletionResultType.ParameterValue, region.DisplayName);
            }
        }
    }
}
