using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>Splits the inside of a JSON filter pattern into tokens.</summary>
    internal static class JsonPatternTokenizer
    {
        public static List<JsonPatternToken> Tokenize(string text)
        {
            var tokens = new List<JsonPatternToken>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '(' || c == ')') { tokens.Add(new JsonPatternToken(c.ToString(), false, false)); i++; continue; }
                if (c == '&' || c == '|')
                {
                    if (i + 1 < text.Length && text[i + 1] == c) { tokens.Add(new JsonPatternToken(new string(c, 2), false, false)); i += 2; continue; }
                    throw new FormatException("Single & or | in JSON pattern.");
                }
                if (c == '=' || c == '!' || c == '<' || c == '>')
                {
                    if (i + 1 < text.Length && text[i + 1] == '=') { tokens.Add(new JsonPatternToken(text.Substring(i, 2), false, true)); i += 2; continue; }
                    if (c == '!') throw new FormatException("! must be followed by =.");
                    tokens.Add(new JsonPatternToken(c.ToString(), false, true));
                    i++;
                    continue;
                }
                if (c == '"')
                {
                    string quoted = FilterPatternParser.ReadQuoted(text, ref i);
                    tokens.Add(new JsonPatternToken(quoted, true, false));
                    continue;
                }
                int start = i;
                if (c == '%')
                {
                    int close = text.IndexOf('%', i + 1);
                    if (close < 0) throw new FormatException("Unterminated regular expression.");
                    i = close + 1;
                    tokens.Add(new JsonPatternToken(text.Substring(start, i - start), false, false));
                    continue;
                }
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsWhiteSpace(d) || d == ')' || d == '(' || d == '=' || d == '!' || d == '<' || d == '>' || d == '"') break;
                    if ((d == '&' || d == '|') && i + 1 < text.Length && text[i + 1] == d) break;
                    i++;
                }
                tokens.Add(new JsonPatternToken(text.Substring(start, i - start), false, false));
            }
            return tokens;
        }
    }
}
