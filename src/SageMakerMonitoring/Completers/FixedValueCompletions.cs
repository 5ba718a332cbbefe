using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace SageMakerMonitoring.Completers
{
    /// <summary>The completions of a list the module knows without any call: the values that start with the word typed
    /// (quotes dropped, any case), each with its tooltip.</summary>
    internal static class FixedValueCompletions
    {
        public static List<CompletionResult> StartingWith(string? wordToComplete, IEnumerable<string> values, Func<string, string>? tooltip = null)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return values.Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(QuotedWhereNeeded(v), v, CompletionResultType.ParameterValue, tooltip?.Invoke(v) ?? v))
                .ToList();
        }

        // A value with a character PowerShell reads as an operator (CloudWatch units such as Bytes/Second) is quoted.
        private static string QuotedWhereNeeded(string value) => value.IndexOf('/') >= 0 ? "'" + value + "'" : value;
    }
}
