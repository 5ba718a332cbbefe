using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes EventBridge rule names (-Name, -RuleName) with ListRules and NamePrefix, on the bound
    /// -EventBusName or the default bus.</summary>
    public sealed class EventRuleNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var word = (wordToComplete ?? "").Trim('\'', '"').TrimEnd('*');
                var bus = LogCompletionSource.Bound(fakeBoundParameters, "EventBusName");
                var names = AwsCompletionSource.Get(fakeBoundParameters, "events:" + bus + ":" + word, async (factory, ct) =>
                {
                    var page = await factory.CreateEventBridge().ListRulesAsync(word.Length == 0 ? null : word, bus, null, 100, ct).ConfigureAwait(false);
                    return page.Rules.Select(r => r.Name).ToList();
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
