using System;
using System.Text;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// A rule-name filter with PowerShell-style wildcards (<c>*</c> any run, <c>?</c> one character), case-sensitive
    /// like EventBridge rule names, and the literal prefix before the first wildcard, which ListRules filters on
    /// server-side.
    /// </summary>
    public sealed class RuleNameFilter
    {
        private readonly Regex? _regex;
        private readonly string? _exact;

        public RuleNameFilter(string pattern)
        {
            Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
            var firstWildcard = pattern.IndexOfAny(new[] { '*', '?' });
            if (firstWildcard < 0)
            {
                _exact = pattern;
                Prefix = pattern;
                return;
            }
            Prefix = pattern.Substring(0, firstWildcard);
            var sb = new StringBuilder("^");
            foreach (var c in pattern)
            {
                if (c == '*') sb.Append(".*");
                else if (c == '?') sb.Append('.');
                else sb.Append(Regex.Escape(c.ToString()));
            }
            _regex = new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public string Pattern { get; }

        /// <summary>Literal text before the first wildcard (the whole name when there is none).</summary>
        public string Prefix { get; }

        public bool HasWildcard => _regex != null;

        public bool IsMatch(string name)
            => _regex != null ? _regex.IsMatch(name) : string.Equals(name, _exact, StringComparison.Ordinal);
    }
}
