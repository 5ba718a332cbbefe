using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>
    /// Space-delimited pattern <c>[ip, user, ..., status=5*, bytes&gt;1000]</c>. The message is split on spaces;
    /// text in double quotes or square brackets counts as one field (without its delimiters). Each pattern entry
    /// names one field and may constrain it with <c>= != &lt; &lt;= &gt; &gt;=</c> (several joined by <c>&amp;&amp;</c>
    /// or <c>||</c>); <c>...</c> stands for any number of fields. Without <c>...</c> the field counts must be equal.
    /// </summary>
    internal sealed class SpaceDelimitedFilterNode : FilterPatternNode
    {
        private readonly Entry[] _entries;

        private SpaceDelimitedFilterNode(Entry[] entries)
        {
            _entries = entries;
        }

        public static SpaceDelimitedFilterNode Parse(string text)
        {
            if (text[text.Length - 1] != ']') throw new FormatException("Space-delimited pattern must end with ].");
            string body = text.Substring(1, text.Length - 2);
            var entries = new List<Entry>();
            foreach (string raw in SplitEntries(body))
            {
                string spec = raw.Trim();
                if (spec.Length == 0) throw new FormatException("Empty field in space-delimited pattern.");
                if (spec == "...") { entries.Add(Entry.Ellipsis); continue; }
                entries.Add(ParseEntry(spec));
            }
            if (entries.Count == 0) throw new FormatException("Empty space-delimited pattern.");
            return new SpaceDelimitedFilterNode(entries.ToArray());
        }

        public override bool Matches(string message)
        {
            List<string> fields = SplitMessage(message);
            return MatchFrom(0, fields, 0);
        }

        private bool MatchFrom(int entry, List<string> fields, int field)
        {
            if (entry == _entries.Length) return field == fields.Count;
            Entry e = _entries[entry];
            if (e.IsEllipsis)
            {
                for (int skip = field; skip <= fields.Count; skip++)
                {
                    if (MatchFrom(entry + 1, fields, skip)) return true;
                }
                return false;
            }
            if (field >= fields.Count) return false;
            return e.Accepts(fields[field]) && MatchFrom(entry + 1, fields, field + 1);
        }

        private static IEnumerable<string> SplitEntries(string body)
        {
            var sb = new StringBuilder();
            bool quoted = false;
            foreach (char c in body)
            {
                if (c == '"') quoted = !quoted;
                if (c == ',' && !quoted)
                {
                    yield return sb.ToString();
                    sb.Clear();
                    continue;
                }
                sb.Append(c);
            }
            if (quoted) throw new FormatException("Unterminated quote in space-delimited pattern.");
            yield return sb.ToString();
        }

        private static Entry ParseEntry(string spec)
        {
            var alternatives = new List<Condition[]>();
            foreach (string orPart in spec.Split(new[] { "||" }, StringSplitOptions.None))
            {
                var all = new List<Condition>();
                foreach (string andPart in orPart.Split(new[] { "&&" }, StringSplitOptions.None))
                {
                    Condition? condition = ParseCondition(andPart.Trim(), out string name);
                    if (name.Length == 0) throw new FormatException("Field without a name.");
                    if (condition != null) all.Add(condition);
                }
                alternatives.Add(all.ToArray());
            }
            return new Entry(alternatives.ToArray());
        }

        private static Condition? ParseCondition(string part, out string name)
        {
            int i = 0;
            while (i < part.Length && (char.IsLetterOrDigit(part[i]) || part[i] == '_' || part[i] == '-' || part[i] == '.' || part[i] == '$')) i++;
            name = part.Substring(0, i);
            string rest = part.Substring(i).TrimStart();
            if (rest.Length == 0) return null;
            string op;
            if (rest.StartsWith("!=", StringComparison.Ordinal) || rest.StartsWith("<=", StringComparison.Ordinal) || rest.StartsWith(">=", StringComparison.Ordinal)) op = rest.Substring(0, 2);
            else if (rest[0] == '=' || rest[0] == '<' || rest[0] == '>') op = rest.Substring(0, 1);
            else throw new FormatException("Expected an operator after a field name.");
            string valueText = rest.Substring(op.Length).Trim();
            if (valueText.Length == 0) throw new FormatException("Missing value.");
            bool quoted = false;
            if (valueText[0] == '"')
            {
                int p = 0;
                valueText = FilterPatternParser.ReadQuoted(valueText, ref p);
                quoted = true;
            }
            double? number = null;
            if (!quoted && double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)) number = parsed;
            if (op != "=" && op != "!=" && !number.HasValue) throw new FormatException("Numeric comparison needs a number.");
            return new Condition(op, valueText, number);
        }

        private static List<string> SplitMessage(string message)
        {
            var fields = new List<string>();
            int i = 0;
            while (i < message.Length)
            {
                char c = message[i];
                if (c == ' ' || c == '\t') { i++; continue; }
                if (c == '"' || c == '[')
                {
                    char close = c == '"' ? '"' : ']';
                    int end = message.IndexOf(close, i + 1);
                    if (end > 0)
                    {
                        fields.Add(message.Substring(i + 1, end - i - 1));
                        i = end + 1;
                        continue;
                    }
                }
                int start = i;
                while (i < message.Length && message[i] != ' ' && message[i] != '\t') i++;
                fields.Add(message.Substring(start, i - start));
            }
            return fields;
        }

        private sealed class Condition
        {
            private readonly string _op;
            private readonly string _text;
            private readonly double? _number;

            public Condition(string op, string text, double? number)
            {
                _op = op;
                _text = text;
                _number = number;
            }

            public bool Accepts(string field)
            {
                bool isNumber = double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double actual);
                switch (_op)
                {
                    case "=": return Equal(field, isNumber, actual);
                    case "!=": return !Equal(field, isNumber, actual);
                    case "<": return isNumber && actual < _number!.Value;
                    case "<=": return isNumber && actual <= _number!.Value;
                    case ">": return isNumber && actual > _number!.Value;
                    default: return isNumber && actual >= _number!.Value;
                }
            }

            private bool Equal(string field, bool isNumber, double actual)
            {
                if (_number.HasValue && isNumber) return actual == _number.Value;
                return WildcardText.IsMatch(_text, field);
            }
        }

        private sealed class Entry
        {
            public static readonly Entry Ellipsis = new Entry(null);

            private readonly Condition[][]? _alternatives;

            public Entry(Condition[][]? alternatives)
            {
                _alternatives = alternatives;
            }

            public bool IsEllipsis => _alternatives == null;

            public bool Accepts(string field)
            {
                foreach (Condition[] all in _alternatives!)
                {
                    bool ok = true;
                    foreach (Condition c in all)
                    {
                        if (!c.Accepts(field)) { ok = false; break; }
                    }
                    if (ok) return true;
                }
                return false;
            }
        }
    }
}
