using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Emulator.Services.Events
{
    /// <summary>
    /// The emulator's own event-pattern matcher, written apart from the module's engine so that TestEventPattern answers
    /// are an independent check of it. It follows the reference behaviour recorded in
    /// tests/SageMakerMonitoring.Core.Tests/Events/Corpus (aws/event-ruler and the EventBridge User Guide):
    /// the pattern is expanded into sub-rules (<c>$or</c> copies the sub-rules built so far once per alternative, and a
    /// field written again at the same dotted path replaces the earlier one); the event is flattened into dotted paths
    /// and leaf values, each remembering which element of which array it came from; a sub-rule matches when every field
    /// finds a value its conditions accept, all chosen values agree on the element of every array they share, and every
    /// field that accepts absence and chose it has no value in the chosen elements.
    /// </summary>
    public sealed class EmulatorEventPattern
    {
        private const int MaxLength = 4096;
        private const int MaxCombinations = 1000;

        private static readonly HashSet<string> ReservedInOr = new HashSet<string>(StringComparer.Ordinal)
        {
            "anything-but", "cidr", "equals-ignore-case", "exactly", "exists", "numeric", "prefix", "suffix", "wildcard",
        };

        private readonly List<Dictionary<string, PatternCondition[]>> _subRules;

        private EmulatorEventPattern(List<Dictionary<string, PatternCondition[]>> subRules)
        {
            _subRules = subRules;
        }

        /// <summary>Compiles a pattern; throws <see cref="FormatException"/> with EventBridge's reason when it is invalid.</summary>
        public static EmulatorEventPattern Compile(string json)
        {
            if (json.Length > MaxLength) throw new FormatException("Event pattern is longer than " + MaxLength + " characters");
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                throw new FormatException("Unrecognized JSON: " + e.Message);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("Filter is not an object");
                var compiler = new Compiler();
                var rules = new List<Dictionary<string, PatternCondition[]>>();
                compiler.Object(document.RootElement, "", rules, inOr: false);
                return new EmulatorEventPattern(rules);
            }
        }

        /// <summary>True when the event (a JSON object) matches.</summary>
        public bool Matches(JsonElement evt)
        {
            var leaves = new Dictionary<string, List<EventLeaf>>(StringComparer.Ordinal);
            var nextArray = 0;
            Flatten(evt, "", new List<(int, int)>(), leaves, ref nextArray);
            return _subRules.Any(rule => new SubRuleSearch(rule, leaves).Run());
        }

        public bool Matches(string eventJson)
        {
            using var document = JsonDocument.Parse(eventJson);
            return Matches(document.RootElement);
        }

        private static void Flatten(JsonElement value, string path, List<(int, int)> membership, Dictionary<string, List<EventLeaf>> leaves, ref int nextArray)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                {
                    // The last of duplicate keys wins.
                    var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    var order = new List<string>();
                    foreach (var p in value.EnumerateObject())
                    {
                        if (!members.ContainsKey(p.Name)) order.Add(p.Name);
                        members[p.Name] = p.Value;
                    }
                    foreach (var name in order) Flatten(members[name], path.Length == 0 ? name : path + "." + name, membership, leaves, ref nextArray);
                    break;
                }
                case JsonValueKind.Array:
                {
                    var id = nextArray++;
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        membership.Add((id, index++));
                        Flatten(item, path, membership, leaves, ref nextArray);
                        membership.RemoveAt(membership.Count - 1);
                    }
                    break;
                }
                default:
                    if (!leaves.TryGetValue(path, out var list)) leaves[path] = list = new List<EventLeaf>();
                    list.Add(new EventLeaf(value, membership.ToArray()));
                    break;
            }
        }

        /// <summary>Backtracking search for one consistent choice of values for a sub-rule's fields.</summary>
        private sealed class SubRuleSearch
        {
            private readonly KeyValuePair<string, PatternCondition[]>[] _fields;
            private readonly Dictionary<string, List<EventLeaf>> _leaves;
            private readonly Dictionary<int, int> _chosen = new Dictionary<int, int>();
            private readonly List<string> _absent = new List<string>();

            public SubRuleSearch(Dictionary<string, PatternCondition[]> rule, Dictionary<string, List<EventLeaf>> leaves)
            {
                _fields = rule.ToArray();
                _leaves = leaves;
            }

            public bool Run() => Choose(0);

            private bool Choose(int field)
            {
                if (field == _fields.Length) return _absent.All(path => !Values(path).Any(Consistent));
                var conditions = _fields[field].Value;
                foreach (var leaf in Values(_fields[field].Key))
                {
                    if (!Consistent(leaf) || !conditions.Any(c => c.Accepts(leaf))) continue;
                    var added = new List<int>();
                    foreach (var (array, index) in leaf.Membership)
                    {
                        if (_chosen.ContainsKey(array)) continue;
                        _chosen[array] = index;
                        added.Add(array);
                    }
                    if (Choose(field + 1)) return true;
                    foreach (var array in added) _chosen.Remove(array);
                }
                if (conditions.Any(c => c.AcceptsAbsence))
                {
                    _absent.Add(_fields[field].Key);
                    if (Choose(field + 1)) return true;
                    _absent.RemoveAt(_absent.Count - 1);
                }
                return false;
            }

            private IEnumerable<EventLeaf> Values(string path) => _leaves.TryGetValue(path, out var list) ? list : Enumerable.Empty<EventLeaf>();

            private bool Consistent(EventLeaf leaf)
            {
                foreach (var (array, index) in leaf.Membership)
                {
                    if (_chosen.TryGetValue(array, out var at) && at != index) return false;
                }
                return true;
            }
        }

        /// <summary>Reads the pattern into sub-rules, refusing what EventBridge refuses.</summary>
        private sealed class Compiler
        {
            private long _combinations = 1;

            public void Object(JsonElement obj, string path, List<Dictionary<string, PatternCondition[]>> rules, bool inOr)
            {
                var any = false;
                foreach (var member in obj.EnumerateObject())
                {
                    any = true;
                    if (member.Name == "$or")
                    {
                        Or(member.Value, path, rules);
                        continue;
                    }
                    if (inOr && ReservedInOr.Contains(member.Name))
                    {
                        throw new FormatException(member.Name + " is Ruler reserved fieldName which cannot be used inside $or.");
                    }
                    var fieldPath = path.Length == 0 ? member.Name : path + "." + member.Name;
                    if (member.Value.ValueKind == JsonValueKind.Object) Object(member.Value, fieldPath, rules, inOr);
                    else if (member.Value.ValueKind == JsonValueKind.Array)
                    {
                        var conditions = Values(member.Value);
                        if (rules.Count == 0) rules.Add(new Dictionary<string, PatternCondition[]>(StringComparer.Ordinal));
                        foreach (var rule in rules) rule[fieldPath] = conditions;
                    }
                    else throw new FormatException("\"" + member.Name + "\" must be an object or an array");
                }
                if (!any) throw new FormatException("Empty objects are not allowed");
            }

            private void Or(JsonElement value, string path, List<Dictionary<string, PatternCondition[]>> rules)
            {
                if (value.ValueKind != JsonValueKind.Array) throw new FormatException("It must be an Array followed with $or.");
                _combinations *= Math.Max(1, value.GetArrayLength());
                if (_combinations > MaxCombinations) throw new FormatException("The event pattern has more than " + MaxCombinations + " rule combinations from $or.");
                var before = rules.Select(r => new Dictionary<string, PatternCondition[]>(r, StringComparer.Ordinal)).ToList();
                rules.Clear();
                var count = 0;
                foreach (var alternative in value.EnumerateArray())
                {
                    if (alternative.ValueKind != JsonValueKind.Object) throw new FormatException("Only JSON object is allowed in array of $or relationship.");
                    var copies = before.Select(r => new Dictionary<string, PatternCondition[]>(r, StringComparer.Ordinal)).ToList();
                    if (copies.Count == 0) copies.Add(new Dictionary<string, PatternCondition[]>(StringComparer.Ordinal));
                    Object(alternative, path, copies, inOr: true);
                    rules.AddRange(copies);
                    count++;
                }
                if (count < 2) throw new FormatException("There must have at least 2 Objects in $or relationship.");
            }

            private static PatternCondition[] Values(JsonElement array)
            {
                var list = new List<PatternCondition>();
                foreach (var value in array.EnumerateArray())
                {
                    switch (value.ValueKind)
                    {
                        case JsonValueKind.Object: list.Add(Operator(value)); break;
                        case JsonValueKind.Array: throw new FormatException("Match value must be String, number, true, false, or null");
                        default: list.Add(new PatternCondition.Literal(value)); break;
                    }
                }
                if (list.Count == 0) throw new FormatException("Empty arrays are not allowed");
                return list.ToArray();
            }

            private static PatternCondition Operator(JsonElement obj)
            {
                var members = obj.EnumerateObject().ToList();
                if (members.Count == 0) throw new FormatException("Match expression name not found");
                if (members.Count > 1) throw new FormatException("Only one key allowed in match expression");
                var name = members[0].Name;
                var operand = members[0].Value;
                switch (name)
                {
                    case "exactly":
                        return new PatternCondition.Text(PatternRegex.Anchored(Regex.Escape(RequireString(operand, name)), true, true));
                    case "prefix":
                    case "suffix":
                    {
                        var fragment = operand.ValueKind == JsonValueKind.Object
                            ? PatternRegex.IgnoreCase(IgnoreCaseOperand(operand, name))
                            : Regex.Escape(RequireString(operand, name));
                        return new PatternCondition.Text(PatternRegex.Anchored(fragment, name == "prefix", name == "suffix"));
                    }
                    case "equals-ignore-case":
                        return new PatternCondition.Text(PatternRegex.Anchored(PatternRegex.IgnoreCase(RequireString(operand, name)), true, true));
                    case "wildcard":
                        return new PatternCondition.Text(PatternRegex.Anchored(WildcardFragment(RequireString(operand, name)), true, true));
                    case "anything-but":
                        return AnythingBut(operand);
                    case "numeric":
                        return Numeric(operand);
                    case "exists":
                        if (operand.ValueKind != JsonValueKind.True && operand.ValueKind != JsonValueKind.False)
                        {
                            throw new FormatException("exists match pattern must be either true or false.");
                        }
                        return new PatternCondition.Exists(operand.ValueKind == JsonValueKind.True);
                    case "cidr":
                        return Cidr(RequireString(operand, name));
                    default:
                        throw new FormatException("Unrecognized match type " + name);
                }
            }

            private static string RequireString(JsonElement operand, string op)
            {
                if (operand.ValueKind != JsonValueKind.String) throw new FormatException(op + " match pattern must be a string");
                return operand.GetString()!;
            }

            private static string IgnoreCaseOperand(JsonElement operand, string op)
            {
                var inner = operand.EnumerateObject().ToList();
                if (inner.Count != 1 || inner[0].Name != "equals-ignore-case") throw new FormatException("Unsupported " + op + " pattern");
                return RequireString(inner[0].Value, "equals-ignore-case");
            }

            private static string WildcardFragment(string text)
            {
                var fragment = PatternRegex.Wildcard(text, out var error);
                return fragment ?? throw new FormatException(error);
            }

            private static PatternCondition AnythingBut(JsonElement operand)
            {
                switch (operand.ValueKind)
                {
                    case JsonValueKind.String:
                        return new PatternCondition.Text(PatternRegex.Anchored(Regex.Escape(operand.GetString()!), true, true), negated: true);
                    case JsonValueKind.Number:
                        return new PatternCondition.NotNumbers(new[] { Finite(operand) });
                    case JsonValueKind.Array:
                    {
                        var items = operand.EnumerateArray().ToList();
                        if (items.Count == 0) throw new FormatException("Empty arrays are not allowed");
                        if (items.All(i => i.ValueKind == JsonValueKind.String))
                        {
                            var alternatives = string.Join("|", items.Select(i => Regex.Escape(i.GetString()!)));
                            return new PatternCondition.Text(PatternRegex.Anchored(alternatives, true, true), negated: true);
                        }
                        if (items.All(i => i.ValueKind == JsonValueKind.Number)) return new PatternCondition.NotNumbers(items.Select(Finite).ToArray());
                        if (items.Any(i => i.ValueKind != JsonValueKind.String && i.ValueKind != JsonValueKind.Number))
                        {
                            throw new FormatException("Inside anything but list, start|null|boolean is not supported.");
                        }
                        throw new FormatException("Inside anything but list, either all values are number or string, mixed type is not supported");
                    }
                    case JsonValueKind.Object:
                    {
                        var inner = operand.EnumerateObject().ToList();
                        if (inner.Count != 1) throw new FormatException("Anything-But expression name not found");
                        var op = inner[0].Name;
                        var values = inner[0].Value.ValueKind == JsonValueKind.Array ? inner[0].Value.EnumerateArray().ToList() : new List<JsonElement> { inner[0].Value };
                        if (values.Count == 0) throw new FormatException("Empty arrays are not allowed");
                        var texts = values.Select(v => RequireString(v, op)).ToList();
                        string fragment;
                        bool start = true, end = true;
                        switch (op)
                        {
                            case "prefix":
                                if (texts.Any(t => t.Length == 0)) throw new FormatException("Null prefix/suffix not allowed");
                                fragment = string.Join("|", texts.Select(Regex.Escape));
                                end = false;
                                break;
                            case "suffix":
                                if (texts.Any(t => t.Length == 0)) throw new FormatException("Null prefix/suffix not allowed");
                                fragment = string.Join("|", texts.Select(Regex.Escape));
                                start = false;
                                break;
                            case "equals-ignore-case":
                                fragment = string.Join("|", texts.Select(PatternRegex.IgnoreCase));
                                break;
                            case "wildcard":
                                fragment = string.Join("|", texts.Select(WildcardFragment));
                                break;
                            default:
                                throw new FormatException("Unsupported anything-but pattern: " + op);
                        }
                        return new PatternCondition.Text(PatternRegex.Anchored(fragment, start, end), negated: true);
                    }
                    default:
                        throw new FormatException("Value of anything-but must be an array or single string/number value.");
                }
            }

            private static PatternCondition Numeric(JsonElement operand)
            {
                if (operand.ValueKind != JsonValueKind.Array) throw new FormatException("Value of numeric must be an array.");
                var items = operand.EnumerateArray().ToList();
                double low = double.NegativeInfinity, high = double.PositiveInfinity;
                bool lowOpen = false, highOpen = false, haveLow = false, haveHigh = false;
                var i = 0;
                while (i < items.Count)
                {
                    if (items[i].ValueKind != JsonValueKind.String) throw new FormatException("Invalid member in numeric match: " + items[i].GetRawText());
                    var op = items[i].GetString();
                    if (i + 1 >= items.Count || items[i + 1].ValueKind != JsonValueKind.Number) throw new FormatException("Value of " + op + " must be numeric");
                    var number = Finite(items[i + 1]);
                    switch (op)
                    {
                        case "=":
                            if (items.Count != 2) throw new FormatException("Too many elements in numeric expression");
                            return new PatternCondition.Range(number, false, number, false);
                        case ">":
                        case ">=":
                            if (haveLow || haveHigh) throw new FormatException("Bad numeric range operator: " + op);
                            low = number;
                            lowOpen = op == ">";
                            haveLow = true;
                            break;
                        case "<":
                        case "<=":
                            if (haveHigh || (i > 0 && !haveLow)) throw new FormatException("Bad numeric range operator: " + op);
                            high = number;
                            highOpen = op == "<";
                            haveHigh = true;
                            break;
                        default:
                            throw new FormatException("Unrecognized numeric range operator: " + op);
                    }
                    i += 2;
                }
                if (!haveLow && !haveHigh) throw new FormatException("Invalid member in numeric match: ]");
                if (haveLow && haveHigh && !(low < high)) throw new FormatException("Bottom must be less than top");
                return new PatternCondition.Range(low, lowOpen, high, highOpen);
            }

            private static double Finite(JsonElement number)
            {
                if (number.ValueKind != JsonValueKind.Number) throw new FormatException("Value must be numeric");
                return EventLeaf.ToDouble(number.GetRawText()) ?? throw new FormatException("Value " + number.GetRawText() + " is not a finite number");
            }

            private static PatternCondition Cidr(string text)
            {
                var slash = text.IndexOf('/');
                var address = slash > 0 ? IpText.Parse(text.Substring(0, slash)) : null;
                if (address == null) throw new FormatException("Nonstandard IP address: " + text);
                if (!int.TryParse(text.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
                    || bits > address.Length * 8)
                {
                    throw new FormatException("Malformed CIDR, bad bits: " + text.Substring(slash + 1));
                }
                return new PatternCondition.Cidr(address, bits);
            }
        }
    }
}
