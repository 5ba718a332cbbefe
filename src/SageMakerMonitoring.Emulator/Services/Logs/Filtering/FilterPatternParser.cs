using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>
    /// Parses CloudWatch Logs filter pattern syntax:
    /// <list type="bullet">
    /// <item>empty or <c>""</c>: every event;</item>
    /// <item>terms and <c>"quoted phrases"</c>: all must occur; <c>?term</c>: at least one of them; <c>-term</c>: none;</item>
    /// <item><c>%regex%</c>: the expression occurs (no groups);</item>
    /// <item><c>{ $.sel op value }</c> with <c>= != &lt; &lt;= &gt; &gt;=</c>, <c>IS NULL</c>, <c>NOT EXISTS</c>,
    /// <c>IS TRUE</c>, <c>IS FALSE</c>, <c>&amp;&amp;</c>, <c>||</c>, parentheses, <c>*</c> wildcards in string values,
    /// selectors with <c>.name</c> and <c>[index]</c>;</item>
    /// <item><c>[a, b=value, ..., c&gt;5]</c>: space-delimited fields (see <see cref="SpaceDelimitedFilterNode"/>).</item>
    /// </list>
    /// Throws <see cref="FormatException"/> for an invalid pattern.
    /// </summary>
    internal static class FilterPatternParser
    {
        public const int MaxLength = 1024;

        public static FilterPattern Parse(string? text)
        {
            if (text == null) return FilterPattern.All;
            if (text.Length > MaxLength) throw new FormatException("Filter pattern is longer than 1024 characters.");
            string trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed == "\"\"") return new FilterPattern(text, null);
            FilterPatternNode node;
            if (trimmed[0] == '{') node = ParseJson(trimmed);
            else if (trimmed[0] == '[') node = SpaceDelimitedFilterNode.Parse(trimmed);
            else if (trimmed.Length >= 2 && trimmed[0] == '%' && trimmed[trimmed.Length - 1] == '%')
                node = new RegexFilterNode(RegexFilterNode.Compile(trimmed.Substring(1, trimmed.Length - 2)));
            else node = ParseTerms(trimmed);
            return new FilterPattern(text, node);
        }

        private static FilterPatternNode ParseTerms(string text)
        {
            var required = new List<string>();
            var optional = new List<string>();
            var excluded = new List<string>();
            int i = 0;
            while (i < text.Length)
            {
                if (char.IsWhiteSpace(text[i])) { i++; continue; }
                List<string> target = required;
                if (text[i] == '?') { target = optional; i++; }
                else if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) { target = excluded; i++; }
                if (i >= text.Length || char.IsWhiteSpace(text[i])) throw new FormatException("Operator without a term.");
                string term;
                if (text[i] == '"')
                {
                    term = ReadQuoted(text, ref i);
                    if (i < text.Length && !char.IsWhiteSpace(text[i])) throw new FormatException("Text after a closing quote.");
                }
                else
                {
                    int start = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    {
                        if (text[i] == '"') throw new FormatException("Quote inside a term.");
                        i++;
                    }
                    term = text.Substring(start, i - start);
                }
                if (term.Length == 0)
                {
                    if (target != required) throw new FormatException("Empty term.");
                    continue;
                }
                target.Add(term);
            }
            if (required.Count == 0 && optional.Count == 0 && excluded.Count == 0) throw new FormatException("No terms.");
            return new TermFilterNode(required, optional, excluded);
        }

        /// <summary>Reads a double-quoted string at <paramref name="i"/> (backslash escapes the next character).</summary>
        internal static string ReadQuoted(string text, ref int i)
        {
            var sb = new StringBuilder();
            i++;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '\\' && i + 1 < text.Length) { sb.Append(text[i + 1]); i += 2; continue; }
                if (c == '"') { i++; return sb.ToString(); }
                sb.Append(c);
                i++;
            }
            throw new FormatException("Unterminated quoted string.");
        }

        // ---------------------------------------------------------------- JSON patterns

        private static FilterPatternNode ParseJson(string text)
        {
            if (text[text.Length - 1] != '}') throw new FormatException("JSON pattern must end with }.");
            var tokens = JsonPatternTokenizer.Tokenize(text.Substring(1, text.Length - 2));
            int position = 0;
            JsonCondition condition = ParseOr(tokens, ref position);
            if (position != tokens.Count) throw new FormatException("Unexpected text in JSON pattern.");
            return new JsonFilterNode(condition);
        }

        private static JsonCondition ParseOr(List<JsonPatternToken> tokens, ref int p)
        {
            JsonCondition left = ParseAnd(tokens, ref p);
            while (p < tokens.Count && tokens[p].Is("||"))
            {
                p++;
                left = new JsonLogicalCondition(false, left, ParseAnd(tokens, ref p));
            }
            return left;
        }

        private static JsonCondition ParseAnd(List<JsonPatternToken> tokens, ref int p)
        {
            JsonCondition left = ParsePrimary(tokens, ref p);
            while (p < tokens.Count && tokens[p].Is("&&"))
            {
                p++;
                left = new JsonLogicalCondition(true, left, ParsePrimary(tokens, ref p));
            }
            return left;
        }

        private static JsonCondition ParsePrimary(List<JsonPatternToken> tokens, ref int p)
        {
            if (p >= tokens.Count) throw new FormatException("Missing condition.");
            if (tokens[p].Is("("))
            {
                p++;
                JsonCondition inner = ParseOr(tokens, ref p);
                if (p >= tokens.Count || !tokens[p].Is(")")) throw new FormatException("Missing ).");
                p++;
                return inner;
            }
            JsonPatternToken selectorToken = tokens[p];
            if (selectorToken.Quoted || !selectorToken.Text.StartsWith("$", StringComparison.Ordinal))
                throw new FormatException("Expected a $ selector.");
            JsonSelector selector = JsonSelector.Parse(selectorToken.Text);
            p++;
            if (p >= tokens.Count) throw new FormatException("Missing operator.");
            JsonPatternToken op = tokens[p];
            if (op.IsKeyword("IS"))
            {
                p++;
                if (p < tokens.Count && tokens[p].IsKeyword("NULL")) { p++; return new JsonPropertyStateCondition(selector, JsonPropertyState.IsNull); }
                if (p < tokens.Count && tokens[p].IsKeyword("TRUE")) { p++; return new JsonPropertyStateCondition(selector, JsonPropertyState.IsTrue); }
                if (p < tokens.Count && tokens[p].IsKeyword("FALSE")) { p++; return new JsonPropertyStateCondition(selector, JsonPropertyState.IsFalse); }
                throw new FormatException("IS must be followed by NULL, TRUE or FALSE.");
            }
            if (op.IsKeyword("NOT"))
            {
                p++;
                if (p < tokens.Count && tokens[p].IsKeyword("EXISTS")) { p++; return new JsonPropertyStateCondition(selector, JsonPropertyState.NotExists); }
                throw new FormatException("NOT must be followed by EXISTS.");
            }
            if (!op.IsOperator) throw new FormatException("Expected a comparison operator.");
            p++;
            if (p >= tokens.Count) throw new FormatException("Missing value.");
            JsonPatternToken value = tokens[p];
            if (!value.Quoted && (value.IsOperator || value.Is("(") || value.Is(")") || value.Is("&&") || value.Is("||")))
                throw new FormatException("Missing value.");
            p++;
            return BuildComparison(selector, op.Text, value);
        }

        private static JsonCondition BuildComparison(JsonSelector selector, string op, JsonPatternToken value)
        {
            double? number = null;
            if (!value.Quoted && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
                number = parsed;
            Regex? regex = null;
            string? text = null;
            if (value.Text.Length >= 2 && value.Text[0] == '%' && value.Text[value.Text.Length - 1] == '%' && !value.Quoted)
                regex = RegexFilterNode.Compile(value.Text.Substring(1, value.Text.Length - 2));
            else if (!number.HasValue)
                text = value.Text;
            bool ordering = op != "=" && op != "!=";
            if (ordering && !number.HasValue) throw new FormatException("Numeric comparison needs a number.");
            return new JsonComparisonCondition(selector, op, text, number, regex);
        }
    }
}
