using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes <c>-EventType</c> with the short names of the SageMaker event catalog (the detail-type as tooltip).</summary>
    public sealed class EventTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return SageMakerEventCatalog.All
                .Where(t => t.ShortName.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                            || (word.Length > 0 && t.DetailType.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0 && !t.ShortName.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                .Select(t => new CompletionResult(t.ShortName, t.ShortName, CompletionResultType.ParameterValue, t.DetailType))
                .ToList();
        }
    }
}
