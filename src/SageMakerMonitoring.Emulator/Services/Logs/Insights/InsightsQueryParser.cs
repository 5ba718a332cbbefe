using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>
    /// Compiles the supported subset of the Logs Insights query language (see README.md in the Logs folder).
    /// Throws <see cref="InsightsSyntaxException"/> with the offending character range.
    /// </summary>
    internal sealed class InsightsQueryParser
    {
        private static readonly HashSet<string> AggregateFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "count", "count_distinct", "sum", "avg", "min", "max",
        };

        private readonly string _text;
        private readonly List<InsightsToken> _tokens;
        private int _p;

        private InsightsQueryParser(string text, List<InsightsToken> tokens)
        {
            _text = text;
            _tokens = tokens;
        }

        public static InsightsQuery Parse(string text)
        {
            var parser = new InsightsQueryParser(text, InsightsTokenizer.Tokenize(text));
            return parser.ParseQuery();
        }

        private InsightsQuery ParseQuery()
        {
            var commands = new List<InsightsCommand>();
            if (_tokens.Count == 0) return new InsightsQuery(_text, commands);
            while (true)
            {
                commands.Add(ParseCommand());
                if (_p >= _tokens.Count) break;
                if (!_tokens[_p].IsSymbol("|")) throw Error($"Expected '|' but found '{_tokens[_p].Text}'", _tokens[_p]);
                _p++;
            }
            return new InsightsQuery(_text, commands);
        }

        private InsightsCommand ParseCommand()
        {
            InsightsToken head = Next("a command");
            if (head.Kind != InsightsTokenKind.Identifier) throw Error($"Expected a command but found '{head.Text}'", head);
            switch (head.Text.ToLowerInvariant())
            {
                case "fields": return new InsightsFieldsCommand(ParseFieldList(), false);
                case "display": return new InsightsFieldsCommand(ParseFieldList(), true);
                case "filter": return new InsightsFilterCommand(ParseOr());
                case "stats": return ParseStats();
                case "sort": return ParseSort();
                case "limit":
                    InsightsToken n = Next("a number");
                    if (n.Kind != InsightsTokenKind.Number || !int.TryParse(n.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
                        throw Error("limit needs a positive whole number", n);
                    return new InsightsLimitCommand(count);
                default:
                    throw Error($"Unsupported command '{head.Text}'", head);
            }
        }

        private List<string> ParseFieldList()
        {
            var names = new List<string>();
            do
            {
                InsightsToken t = Next("a field name");
                if (t.Kind != InsightsTokenKind.Identifier) throw Error($"Expected a field name but found '{t.Text}'", t);
                names.Add(t.Text);
            } while (TryConsumeSymbol(","));
            return names;
        }

        private InsightsCommand ParseStats()
        {
            var aggregations = new List<InsightsAggregation>();
            do
            {
                InsightsToken fn = Next("an aggregate function");
                if (fn.Kind != InsightsTokenKind.Identifier || !AggregateFunctions.Contains(fn.Text))
                    throw Error($"Unsupported aggregate function '{fn.Text}'", fn);
                ExpectSymbol("(");
                string? field = null;
                InsightsToken arg = Next("a field name or *");
                if (arg.IsSymbol("*"))
                {
                    if (!string.Equals(fn.Text, "count", StringComparison.OrdinalIgnoreCase)) throw Error("Only count accepts *", arg);
                }
                else if (arg.Kind == InsightsTokenKind.Identifier) field = arg.Text;
                else throw Error($"Expected a field name but found '{arg.Text}'", arg);
                InsightsToken close = ExpectSymbol(")");
                string name = _text.Substring(fn.Start, close.End - fn.Start + 1);
                if (TryConsumeKeyword("as")) name = ExpectIdentifier();
                aggregations.Add(new InsightsAggregation(fn.Text.ToLowerInvariant(), field, name));
            } while (TryConsumeSymbol(","));

            var groupings = new List<InsightsGrouping>();
            if (TryConsumeKeyword("by"))
            {
                do
                {
                    InsightsToken g = Next("a field name or bin()");
                    if (g.Kind != InsightsTokenKind.Identifier) throw Error($"Expected a field name but found '{g.Text}'", g);
                    if (g.IsKeyword("bin") && Peek().IsSymbol("("))
                    {
                        ExpectSymbol("(");
                        InsightsToken period = Next("a period such as 5m");
                        long ms = ParseDuration(period);
                        InsightsToken close = ExpectSymbol(")");
                        string name = _text.Substring(g.Start, close.End - g.Start + 1);
                        if (TryConsumeKeyword("as")) name = ExpectIdentifier();
                        groupings.Add(new InsightsGrouping(null, ms, name));
                    }
                    else
                    {
                        string name = g.Text;
                        if (TryConsumeKeyword("as")) name = ExpectIdentifier();
                        groupings.Add(new InsightsGrouping(g.Text, 0, name));
                    }
                } while (TryConsumeSymbol(","));
            }
            return new InsightsStatsCommand(aggregations, groupings);
        }

        private InsightsCommand ParseSort()
        {
            var keys = new List<KeyValuePair<string, bool>>();
            do
            {
                string field = ExpectIdentifier();
                bool descending = false;
                if (TryConsumeKeyword("desc")) descending = true;
                else TryConsumeKeyword("asc");
                keys.Add(new KeyValuePair<string, bool>(field, descending));
            } while (TryConsumeSymbol(","));
            return new InsightsSortCommand(keys);
        }

        private long ParseDuration(InsightsToken t)
        {
            if (t.Kind != InsightsTokenKind.Duration) throw Error($"Expected a period such as 5m but found '{t.Text}'", t);
            int split = 0;
            while (split < t.Text.Length && (char.IsDigit(t.Text[split]) || t.Text[split] == '.')) split++;
            if (!double.TryParse(t.Text.Substring(0, split), NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || amount <= 0)
                throw Error("Invalid period", t);
            long unit;
            switch (t.Text.Substring(split).ToLowerInvariant())
            {
                case "ms": unit = 1; break;
                case "s": case "sec": case "second": case "seconds": unit = 1000; break;
                case "m": case "min": case "minute": case "minutes": unit = 60_000; break;
                case "h": case "hr": case "hour": case "hours": unit = 3_600_000; break;
                case "d": case "day": case "days": unit = 86_400_000; break;
                case "w": case "week": case "weeks": unit = 7 * 86_400_000L; break;
                default: throw Error($"Unknown time unit in '{t.Text}'", t);
            }
            long ms = (long)(amount * unit);
            if (ms <= 0) throw Error("Invalid period", t);
            return ms;
        }

        // ---------------------------------------------------------------- expressions

        private InsightsExpression ParseOr()
        {
            InsightsExpression left = ParseAnd();
            while (TryConsumeKeyword("or")) left = new InsightsLogicalExpression("or", left, ParseAnd());
            return left;
        }

        private InsightsExpression ParseAnd()
        {
            InsightsExpression left = ParseNot();
            while (TryConsumeKeyword("and")) left = new InsightsLogicalExpression("and", left, ParseNot());
            return left;
        }

        private InsightsExpression ParseNot()
        {
            if (TryConsumeKeyword("not")) return new InsightsLogicalExpression("not", ParseNot(), null);
            return ParsePredicate();
        }

        private InsightsExpression ParsePredicate()
        {
            if (TryConsumeSymbol("("))
            {
                InsightsExpression inner = ParseOr();
                ExpectSymbol(")");
                return inner;
            }
            InsightsExpression left = ParseOperand();
            InsightsToken t = Peek();
            if (t.Kind == InsightsTokenKind.Symbol && (t.Text == "=" || t.Text == "!=" || t.Text == "<" || t.Text == "<=" || t.Text == ">" || t.Text == ">="))
            {
                _p++;
                return new InsightsComparisonExpression(left, t.Text, ParseOperand());
            }
            bool negate = false;
            if (t.IsKeyword("not") && (PeekAt(1).IsKeyword("like") || PeekAt(1).IsKeyword("in")))
            {
                _p++;
                negate = true;
                t = Peek();
            }
            InsightsExpression? result = null;
            if (t.IsKeyword("like") || t.IsSymbol("=~"))
            {
                _p++;
                InsightsToken pattern = Next("a /regex/ or a string");
                if (pattern.Kind == InsightsTokenKind.Regex) result = new InsightsLikeExpression(left, CompileRegex(pattern), null);
                else if (pattern.Kind == InsightsTokenKind.String) result = new InsightsLikeExpression(left, null, pattern.Text);
                else throw Error($"Expected a /regex/ or a string but found '{pattern.Text}'", pattern);
            }
            else if (t.IsKeyword("in"))
            {
                _p++;
                ExpectSymbol("[");
                var values = new List<object>();
                do
                {
                    InsightsToken v = Next("a value");
                    values.Add(LiteralValue(v) ?? throw Error($"Expected a literal but found '{v.Text}'", v));
                } while (TryConsumeSymbol(","));
                ExpectSymbol("]");
                result = new InsightsInExpression(left, values);
            }
            if (result != null) return negate ? new InsightsLogicalExpression("not", result, null) : result;
            return left;
        }

        private InsightsExpression ParseOperand()
        {
            InsightsToken t = Next("a value or field");
            object? literal = LiteralValue(t);
            if (literal != null) return new InsightsLiteralExpression(literal);
            if (t.Kind != InsightsTokenKind.Identifier) throw Error($"Unexpected '{t.Text}'", t);
            if (Peek().IsSymbol("("))
            {
                string name = t.Text.ToLowerInvariant();
                if (!InsightsFunctionExpression.Names.Contains(name)) throw Error($"Unsupported function '{t.Text}'", t);
                _p++;
                InsightsExpression argument = ParseOperand();
                ExpectSymbol(")");
                return new InsightsFunctionExpression(name, argument);
            }
            return new InsightsFieldExpression(t.Text);
        }

        private static object? LiteralValue(InsightsToken t)
        {
            switch (t.Kind)
            {
                case InsightsTokenKind.String: return t.Text;
                case InsightsTokenKind.Number: return double.Parse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                case InsightsTokenKind.Identifier:
                    if (t.IsKeyword("true")) return true;
                    if (t.IsKeyword("false")) return false;
                    return null;
                default: return null;
            }
        }

        private Regex CompileRegex(InsightsToken t)
        {
            string body = t.Text;
            var options = RegexOptions.CultureInvariant;
            if (body.StartsWith("(?i)", StringComparison.Ordinal))
            {
                options |= RegexOptions.IgnoreCase;
                body = body.Substring(4);
            }
            try { return new Regex(body, options, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException) { throw Error("Invalid regular expression", t); }
        }

        // ---------------------------------------------------------------- token helpers

        private InsightsToken Peek() => PeekAt(0);

        private InsightsToken PeekAt(int offset) =>
            _p + offset < _tokens.Count ? _tokens[_p + offset] : new InsightsToken(InsightsTokenKind.Symbol, "", _text.Length, _text.Length);

        private InsightsToken Next(string expected)
        {
            if (_p >= _tokens.Count || _tokens[_p].IsSymbol("|"))
            {
                int at = _p < _tokens.Count ? _tokens[_p].Start : Math.Max(0, _text.Length - 1);
                throw new InsightsSyntaxException($"Expected {expected} but the command ended", at, at);
            }
            return _tokens[_p++];
        }

        private bool TryConsumeSymbol(string symbol)
        {
            if (_p < _tokens.Count && _tokens[_p].IsSymbol(symbol)) { _p++; return true; }
            return false;
        }

        private bool TryConsumeKeyword(string keyword)
        {
            if (_p < _tokens.Count && _tokens[_p].IsKeyword(keyword)) { _p++; return true; }
            return false;
        }

        private InsightsToken ExpectSymbol(string symbol)
        {
            InsightsToken t = Next($"'{symbol}'");
            if (!t.IsSymbol(symbol)) throw Error($"Expected '{symbol}' but found '{t.Text}'", t);
            return t;
        }

        private string ExpectIdentifier()
        {
            InsightsToken t = Next("a name");
            if (t.Kind != InsightsTokenKind.Identifier) throw Error($"Expected a name but found '{t.Text}'", t);
            return t.Text;
        }

        private static InsightsSyntaxException Error(string message, InsightsToken at) => new InsightsSyntaxException(message, at.Start, at.End);
    }
}
