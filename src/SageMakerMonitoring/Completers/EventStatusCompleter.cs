using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Completes <c>-Status</c> with the statuses of the event types already given to <c>-EventType</c> (all statuses otherwise).</summary>
    public sealed class EventStatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<SageMakerEventType> types = SageMakerEventCatalog.All;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("EventType"))
            {
                var given = Names(fakeBoundParameters["EventType"]).Select(SageMakerEventCatalog.Find).Where(t => t != null).Select(t => t!).ToList();
                if (given.Count > 0) types = given;
            }
            return FixedValueCompletions.StartingWith(wordToComplete, types.SelectMany(t => t.Statuses).Select(s => s.ApiValue).Distinct(StringComparer.Ordinal));
        }

        private static IEnumerable<string> Names(object? value)
        {
            if (value is PSObject p) value = p.BaseObject;
            if (value is string s) return new[] { s };
            if (value is IEnumerable e) return e.Cast<object?>().Select(o => (o is PSObject po ? po.BaseObject : o)?.ToString()).Where(x => x != null).Select(x => x!);
            return Array.Empty<string>();
        }
    }
}
