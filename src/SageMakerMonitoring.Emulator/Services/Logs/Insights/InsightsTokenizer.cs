using System.Collections.Generic;
using System.Text;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>Splits a Logs Insights query into tokens with their character offsets.</summary>
    internal static class InsightsTokenizer
    {
        public static List<InsightsToken> Tokenize(string query)
        {
            var tokens = new List<InsightsToken>();
            int i = 0;
            while (i < query.Length)
            {
                char c = query[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                int start = i;
                if (c == '#')
                {
                    while (i < query.Length && query[i] != '\n') i++; // comment
                    continue;
                }
                if (c == '"' || c == '\'')
                {
                    var sb = new StringBuilder();
                    i++;
                    while (i < query.Length && query[i] != c)
                    {
                        if (query[i] == '\\' && i + 1 < query.Length) i++;
                        sb.Append(query[i]);
                        i++;
                    }
                    if (i >= query.Length) throw new InsightsSyntaxException("Unterminated string literal", start, query.Length - 1);
                    i++;
                    tokens.Add(new InsightsToken(InsightsTokenKind.String, sb.ToString(), start, i - 1));
                    continue;
                }
                if (c == '/')
                {
                    var sb = new StringBuilder();
                    i++;
                    while (i < query.Length && query[i] != '/')
                    {
                        if (query[i] == '\\' && i + 1 < query.Length && query[i + 1] == '/') { sb.Append('/'); i += 2; continue; }
                        sb.Append(query[i]);
                        i++;
                    }
                    if (i >= query.Length) throw new InsightsSyntaxException("Unterminated regular expression", start, query.Length - 1);
                    i++;
                    tokens.Add(new InsightsToken(InsightsTokenKind.Regex, sb.ToString(), start, i - 1));
                    continue;
                }
                if (c == '`')
                {
                    int close = query.IndexOf('`', i + 1);
                    if (close < 0) throw new InsightsSyntaxException("Unterminated quoted field name", start, query.Length - 1);
                    tokens.Add(new InsightsToken(InsightsTokenKind.Identifier, query.Substring(i + 1, close - i - 1), start, close));
                    i = close + 1;
                    continue;
                }
                if (char.IsDigit(c) || (c == '-' && i + 1 < query.Length && char.IsDigit(query[i + 1]) && PreviousAllowsSign(tokens)))
                {
                    i++;
                    while (i < query.Length && (char.IsDigit(query[i]) || query[i] == '.')) i++;
                    if (i < query.Length && char.IsLetter(query[i]))
                    {
                        while (i < query.Length && char.IsLetter(query[i])) i++;
                        tokens.Add(new InsightsToken(InsightsTokenKind.Duration, query.Substring(start, i - start), start, i - 1));
                    }
                    else
                    {
                        tokens.Add(new InsightsToken(InsightsTokenKind.Number, query.Substring(start, i - start), start, i - 1));
                    }
                    continue;
                }
                if (char.IsLetter(c) || c == '@' || c == '_' || c == '$')
                {
                    i++;
                    while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] == '_' || query[i] == '.' || query[i] == '@')) i++;
                    tokens.Add(new InsightsToken(InsightsTokenKind.Identifier, query.Substring(start, i - start), start, i - 1));
                    continue;
                }
                if ((c == '!' || c == '<' || c == '>' || c == '=') && i + 1 < query.Length && query[i + 1] == '=')
                {
                    tokens.Add(new InsightsToken(InsightsTokenKind.Symbol, query.Substring(i, 2), start, i + 1));
                    i += 2;
                    continue;
                }
                if (c == '=' && i + 1 < query.Length && query[i + 1] == '~')
                {
                    tokens.Add(new InsightsToken(InsightsTokenKind.Symbol, "=~", start, i + 1));
                    i += 2;
                    continue;
                }
                if ("()|,*=<>[]".IndexOf(c) >= 0)
                {
                    tokens.Add(new InsightsToken(InsightsTokenKind.Symbol, c.ToString(), start, start));
                    i++;
                    continue;
                }
                throw new InsightsSyntaxException($"Unexpected character '{c}'", start, start);
            }
            return tokens;
        }

        private static bool PreviousAllowsSign(List<InsightsToken> tokens)
        {
            if (tokens.Count == 0) return true;
            InsightsToken last = tokens[tokens.Count - 1];
            return last.Kind == InsightsTokenKind.Symbol && last.Text != ")" && last.Text != "]";
        }
    }
}
