using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>
    /// A resource name as the user typed it, read with PowerShell's wildcard rules (as <c>-like</c> and
    /// <c>WildcardPattern</c> read it): <c>*</c> any run of characters, <c>?</c> one character, <c>[abc]</c> and
    /// <c>[a-z]</c> one character of a set or range, a backtick escapes the next character (also inside brackets);
    /// matching is case-insensitive. A name without unescaped wildcard characters is a plain name: its text (escapes
    /// removed) is looked up as it is. Also decides the <c>NameContains</c> filter that narrows the List* call: the
    /// longest run of literal characters every match must contain that the service accepts ([a-zA-Z0-9-], at most 63).
    /// </summary>
    public sealed class ResourceNamePattern
    {
        /// <summary>The longest NameContains value SageMaker accepts.</summary>
        public const int MaxNameContains = 63;

        private readonly Regex? _regex;

        private ResourceNamePattern(string text, bool isWildcard, string literal, Regex? regex, string? nameContains)
        {
            Text = text;
            IsWildcard = isWildcard;
            Literal = literal;
            _regex = regex;
            NameContains = nameContains;
        }

        /// <summary>The pattern as typed.</summary>
        public string Text { get; }

        /// <summary>True when the text has an unescaped <c>*</c>, <c>?</c> or <c>[</c>.</summary>
        public bool IsWildcard { get; }

        /// <summary>For a plain name: the name with its escapes removed.</summary>
        public string Literal { get; }

        /// <summary>The NameContains filter for the List* call, or null when no literal run fits it.</summary>
        public string? NameContains { get; }

        /// <summary>Reads <paramref name="text"/>; a bracket that is never closed, or a range backwards (<c>[z-a]</c>), is
        /// <c>InvalidWildcardPattern</c> (InvalidArgument) naming the pattern.</summary>
        public static ResourceNamePattern Parse(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            var regex = new StringBuilder("^");
            var literal = new StringBuilder();
            var runs = new List<string>();
            var run = new StringBuilder();
            var wildcard = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '`' && i + 1 < text.Length)
                {
                    c = text[++i];
                    AppendLiteral(c);
                    continue;
                }
                switch (c)
                {
                    case '*':
                        wildcard = true;
                        EndRun();
                        regex.Append(".*");
                        break;
                    case '?':
                        wildcard = true;
                        EndRun();
                        regex.Append('.');
                        break;
                    case '[':
                        wildcard = true;
                        EndRun();
                        i = ReadBracket(text, i, regex);
                        break;
                    default:
                        AppendLiteral(c);
                        break;
                }
            }
            EndRun();
            regex.Append('$');

            string? contains = null;
            foreach (var r in runs)
            {
                if (contains is null || r.Length > contains.Length) contains = r;
            }
            if (contains != null && contains.Length > MaxNameContains) contains = contains.Substring(0, MaxNameContains);
            var compiled = wildcard
                ? new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)
                : null;
            return new ResourceNamePattern(text, wildcard, literal.ToString(), compiled, contains);

            void AppendLiteral(char ch)
            {
                literal.Append(ch);
                regex.Append(Regex.Escape(ch.ToString()));
                // NameContains takes letters, digits and hyphens: a character outside them ends the run.
                if (IsNameContainsChar(ch)) run.Append(ch);
                else EndRun();
            }

            void EndRun()
            {
                if (run.Length > 0) runs.Add(run.ToString());
                run.Clear();
            }
        }

        /// <summary>Whether <paramref name="text"/> has an unescaped wildcard character.</summary>
        public static bool ContainsWildcard(string text)
        {
            if (text is null) return false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '`') { i++; continue; }
                if (c == '*' || c == '?' || c == '[') return true;
            }
            return false;
        }

        /// <summary>Whether <paramref name="name"/> matches: the pattern (case-insensitive) or, for a plain name, the
        /// same text ignoring case.</summary>
        public bool IsMatch(string name)
        {
            if (name is null) return false;
            return _regex != null ? _regex.IsMatch(name) : string.Equals(name, Literal, StringComparison.OrdinalIgnoreCase);
        }

        public override string ToString() => Text;

        private static bool IsNameContainsChar(char c) => c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';

        /// <summary>Reads <c>[...]</c> starting at <paramref name="start"/> into a regex class; returns the index of <c>]</c>.</summary>
        private static int ReadBracket(string text, int start, StringBuilder regex)
        {
            var set = new StringBuilder();
            var i = start + 1;
            var count = 0;
            while (i < text.Length && text[i] != ']')
            {
                var c = text[i];
                if (c == '`' && i + 1 < text.Length) c = text[++i];
                if (i + 2 < text.Length && text[i + 1] == '-' && text[i + 2] != ']')
                {
                    var j = i + 2;
                    var high = text[j];
                    if (high == '`' && j + 1 < text.Length) high = text[++j];
                    if (high < c) throw Invalid(text, $"the range '{c}-{high}' runs backwards");
                    set.Append(EscapeInClass(c)).Append('-').Append(EscapeInClass(high));
                    i = j + 1;
                }
                else
                {
                    set.Append(EscapeInClass(c));
                    i++;
                }
                count++;
            }
            if (i >= text.Length) throw Invalid(text, "a '[' is never closed by ']'");
            if (count == 0) throw Invalid(text, "'[]' holds no character");
            regex.Append('[').Append(set).Append(']');
            return i;
        }

        private static string EscapeInClass(char c) => c == '\\' || c == ']' || c == '[' || c == '^' || c == '-' ? "\\" + c : c.ToString();

        private static MonitoringException Invalid(string text, string why) =>
            new MonitoringException("InvalidWildcardPattern", ErrorKind.InvalidArgument, $"The name pattern '{text}' is not a valid wildcard pattern: {why}.", text)
            {
                RecommendedAction = "Use * for any characters, ? for one, [a-z] for one of a range; escape a literal [ with a backtick (`[).",
            };
    }
}
