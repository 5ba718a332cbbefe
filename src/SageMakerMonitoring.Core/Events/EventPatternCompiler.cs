using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// Validates an event pattern with EventBridge's rules and compiles it into a tree of matchers. Error reasons use
    /// the wording of the service's pattern compiler (the text after "Event pattern is not valid. Reason:").
    /// </summary>
    internal sealed class EventPatternCompiler
    {
        public const int MaxPatternLength = 4096;
        public const int MaxCombinations = 1000;

        private static readonly HashSet<string> ReservedInOr = new HashSet<string>(StringComparer.Ordinal)
        {
            "anything-but", "cidr", "equals-ignore-case", "exactly", "exists", "numeric", "prefix", "suffix", "wildcard",
        };

        public int WildcardCount { get; private set; }

        /// <summary>
        /// The documented measure of a pattern's size: the product of the argument counts of all its <c>$or</c> arrays
        /// (1 without <c>$or</c>). The sub-rules the pattern expands into are never more than this.
        /// </summary>
        public int Combinations { get; private set; } = 1;

        /// <summary>
        /// Validates the pattern and compiles it into its sub-rules, as the service's compiler does: each <c>$or</c> array
        /// replaces the sub-rules built so far by one copy per alternative, every field is written into every current
        /// sub-rule, and a field written again at the same path replaces the earlier one (so an alternative may override a
        /// sibling field written before the <c>$or</c>, and a field written after it overrides the alternatives). The
        /// event matches when any sub-rule matches.
        /// </summary>
        public PatternObject[] Compile(string json)
        {
            if (json == null) throw new EventPatternException("", "Event pattern is null");
            if (json.Length > MaxPatternLength)
            {
                throw new EventPatternException("", "Event pattern is " + json.Length + " characters long; the maximum is " + MaxPatternLength);
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException e)
            {
                throw new EventPatternException("", "Unrecognized JSON: " + e.Message, e);
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new EventPatternException("", "Filter is not an object");
                var rules = new List<SubRule>();
                CompileObject(root, new List<string>(), rules, insideOr: false);
                if (rules.Count == 0) rules.Add(new SubRule());
                var compiled = new PatternObject[rules.Count];
                for (var i = 0; i < rules.Count; i++) compiled[i] = rules[i].ToPatternObject();
                return compiled;
            }
        }

        private void CompileObject(JsonElement obj, List<string> path, List<SubRule> rules, bool insideOr)
        {
            var any = false;
            var objectPath = string.Join(".", path);
            foreach (var member in obj.EnumerateObject())
            {
                any = true;
                var name = member.Name;
                var value = member.Value;
                var fieldPath = objectPath.Length == 0 ? name : objectPath + "." + name;
                if (name == "$or")
                {
                    CompileOr(value, path, fieldPath, rules);
                    continue;
                }
                if (insideOr && ReservedInOr.Contains(name))
                {
                    throw new EventPatternException(fieldPath, name + " is Ruler reserved fieldName which cannot be used inside $or.");
                }
                switch (value.ValueKind)
                {
                    case JsonValueKind.Object:
                    {
                        var names = FieldSteps(name);
                        path.AddRange(names);
                        CompileObject(value, path, rules, insideOr);
                        path.RemoveRange(path.Count - names.Length, names.Length);
                        break;
                    }
                    case JsonValueKind.Array:
                    {
                        var matchers = CompileLeafArray(value, fieldPath);
                        if (rules.Count == 0) rules.Add(new SubRule());
                        var steps = new List<string>(path);
                        steps.AddRange(FieldSteps(name));
                        var stepArray = steps.ToArray();
                        foreach (var rule in rules) rule.Put(stepArray, fieldPath, matchers);
                        break;
                    }
                    default:
                        throw new EventPatternException(fieldPath, "\"" + name + "\" must be an object or an array");
                }
            }
            if (!any) throw new EventPatternException(objectPath, "Empty objects are not allowed");
        }

        /// <summary>
        /// The steps a pattern key stands for. The service joins the keys of nested objects with a dot into one field path,
        /// so a key containing dots names the same path as the nested objects it spells out: <c>{"detail.state": [...]}</c>
        /// and <c>{"detail": {"state": [...]}}</c> compile to the same field (and a later write to it replaces the earlier one).
        /// </summary>
        private static string[] FieldSteps(string name) => name.IndexOf('.') < 0 ? new[] { name } : name.Split('.');

        private void CompileOr(JsonElement value, List<string> path, string orPath, List<SubRule> rules)
        {
            if (value.ValueKind != JsonValueKind.Array) throw new EventPatternException(orPath, "It must be an Array followed with $or.");
            var product = (long)Combinations * Math.Max(1, value.GetArrayLength());
            if (product > MaxCombinations)
            {
                throw new EventPatternException("", "Event pattern has " + product + " or more rule combinations from $or; the maximum is " + MaxCombinations);
            }
            Combinations = (int)product;
            var before = rules.ConvertAll(r => r.Copy());
            rules.Clear();
            var i = 0;
            foreach (var element in value.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new EventPatternException(orPath + "[" + i + "]", "Only JSON object is allowed in array of $or relationship.");
                }
                var branch = before.ConvertAll(r => r.Copy());
                if (branch.Count == 0) branch.Add(new SubRule());
                CompileObject(element, path, branch, insideOr: true);
                rules.AddRange(branch);
                i++;
            }
            if (i < 2) throw new EventPatternException(orPath, "There must have at least 2 Objects in $or relationship.");
        }

        private ValueMatcher[] CompileLeafArray(JsonElement array, string path)
        {
            var matchers = new List<ValueMatcher>();
            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                var elementPath = path + "[" + i + "]";
                matchers.Add(CompileValue(element, elementPath));
                i++;
            }
            if (matchers.Count == 0) throw new EventPatternException(path, "Empty arrays are not allowed");
            return matchers.ToArray();
        }

        private ValueMatcher CompileValue(JsonElement element, string path)
        {
            var description = element.GetRawText();
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return new ExactStringMatcher(element.GetString()!, description);
                case JsonValueKind.Number:
                {
                    var literal = element.GetRawText();
                    var comparable = TryComparable(element, out var number);
                    return new ExactNumberMatcher(literal, number, comparable, description);
                }
                case JsonValueKind.True:
                case JsonValueKind.False:
                case JsonValueKind.Null:
                    return new LiteralMatcher(element.ValueKind, description);
                case JsonValueKind.Object:
                    return CompileOperator(element, path, description);
                default:
                    throw new EventPatternException(path, "Match value must be String, number, true, false, or null");
            }
        }

        private ValueMatcher CompileOperator(JsonElement obj, string path, string description)
        {
            var properties = new List<JsonProperty>();
            foreach (var p in obj.EnumerateObject()) properties.Add(p);
            if (properties.Count == 0) throw new EventPatternException(path, "Match expression name not found");
            var op = properties[0].Name;
            var operand = properties[0].Value;
            var opPath = path + "." + op;
            if (properties.Count > 1)
            {
                throw new EventPatternException(path, op == "numeric" || op == "anything-but"
                    ? "Too many elements in numeric expression"
                    : "Only one key allowed in match expression");
            }

            switch (op)
            {
                case "exactly":
                    if (operand.ValueKind != JsonValueKind.String) throw new EventPatternException(opPath, "exact match pattern must be a string");
                    return new ExactStringMatcher(operand.GetString()!, description, matchAddresses: false);

                case "prefix":
                case "suffix":
                {
                    var isPrefix = op == "prefix";
                    if (operand.ValueKind == JsonValueKind.Object)
                    {
                        var text = ReadIgnoreCaseOperand(operand, opPath, isPrefix ? "Prefix" : "Suffix", isPrefix ? "prefix" : "suffix");
                        return new StringTestMatcher(new StringTest(isPrefix ? StringComparisonKind.PrefixIgnoreCase : StringComparisonKind.SuffixIgnoreCase, text), description);
                    }
                    if (operand.ValueKind != JsonValueKind.String) throw new EventPatternException(opPath, op + " match pattern must be a string");
                    return new StringTestMatcher(new StringTest(isPrefix ? StringComparisonKind.Prefix : StringComparisonKind.Suffix, operand.GetString()!), description);
                }

                case "equals-ignore-case":
                    if (operand.ValueKind != JsonValueKind.String) throw new EventPatternException(opPath, "equals-ignore-case match pattern must be a string");
                    return new StringTestMatcher(new StringTest(StringComparisonKind.EqualsIgnoreCase, operand.GetString()!), description);

                case "wildcard":
                    if (operand.ValueKind != JsonValueKind.String) throw new EventPatternException(opPath, "wildcard match pattern must be a string");
                    return new StringTestMatcher(CompileWildcard(operand.GetString()!, opPath), description);

                case "anything-but":
                    return CompileAnythingBut(operand, opPath, description);

                case "numeric":
                    if (operand.ValueKind != JsonValueKind.Array) throw new EventPatternException(opPath, "Value of numeric must be an array.");
                    return CompileNumeric(operand, opPath, description);

                case "exists":
                    if (operand.ValueKind == JsonValueKind.True) return new ExistsMatcher(true, description);
                    if (operand.ValueKind == JsonValueKind.False) return new ExistsMatcher(false, description);
                    throw new EventPatternException(opPath, "exists match pattern must be either true or false.");

                case "cidr":
                    if (operand.ValueKind != JsonValueKind.String) throw new EventPatternException(opPath, "cidr match pattern must be a string");
                    try
                    {
                        return new CidrMatcher(IpNetwork.Parse(operand.GetString()!), description);
                    }
                    catch (FormatException e)
                    {
                        throw new EventPatternException(opPath, e.Message, e);
                    }

                default:
                    throw new EventPatternException(path, "Unrecognized match type " + op);
            }
        }

        private static string ReadIgnoreCaseOperand(JsonElement operand, string path, string expressionName, string op)
        {
            var count = 0;
            string? text = null;
            foreach (var inner in operand.EnumerateObject())
            {
                count++;
                if (count > 1) throw new EventPatternException(path, "Only one key allowed in match expression");
                if (inner.Name != "equals-ignore-case") throw new EventPatternException(path, "Unsupported " + op + " pattern: " + inner.Name);
                if (inner.Value.ValueKind != JsonValueKind.String)
                {
                    throw new EventPatternException(path + ".equals-ignore-case", "equals-ignore-case match pattern must be a string");
                }
                text = inner.Value.GetString();
            }
            if (text == null) throw new EventPatternException(path, expressionName + " expression name not found");
            return text;
        }

        private StringTest CompileWildcard(string text, string path)
        {
            try
            {
                var test = new StringTest(StringComparisonKind.Wildcard, text);
                WildcardCount++;
                return test;
            }
            catch (FormatException e)
            {
                throw new EventPatternException(path, e.Message, e);
            }
        }

        private ValueMatcher CompileAnythingBut(JsonElement operand, string path, string description)
        {
            if (operand.ValueKind == JsonValueKind.Object)
            {
                var properties = new List<JsonProperty>();
                foreach (var p in operand.EnumerateObject()) properties.Add(p);
                if (properties.Count == 0) throw new EventPatternException(path, "Anything-But expression name not found");
                if (properties.Count > 1) throw new EventPatternException(path, "Too many elements in numeric expression");
                var inner = properties[0].Name;
                var value = properties[0].Value;
                var innerPath = path + "." + inner;
                StringComparisonKind kind;
                switch (inner)
                {
                    case "equals-ignore-case": kind = StringComparisonKind.EqualsIgnoreCase; break;
                    case "prefix": kind = StringComparisonKind.Prefix; break;
                    case "suffix": kind = StringComparisonKind.Suffix; break;
                    case "wildcard": kind = StringComparisonKind.Wildcard; break;
                    default: throw new EventPatternException(path, "Unsupported anything-but pattern: " + inner);
                }
                var texts = new List<string>();
                if (value.ValueKind == JsonValueKind.String) texts.Add(value.GetString()!);
                else if (value.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var e in value.EnumerateArray())
                    {
                        if (e.ValueKind != JsonValueKind.String) throw new EventPatternException(innerPath + "[" + i + "]", NonStringInSet(kind));
                        texts.Add(e.GetString()!);
                        i++;
                    }
                    if (texts.Count == 0) throw new EventPatternException(innerPath, "Empty arrays are not allowed");
                }
                else if (value.ValueKind == JsonValueKind.Number) throw new EventPatternException(innerPath, NonStringInSet(kind));
                else throw new EventPatternException(innerPath, "Value of anything-but must be an array or single string/number value.");

                var tests = new StringTest[texts.Count];
                for (var i = 0; i < texts.Count; i++)
                {
                    if ((kind == StringComparisonKind.Prefix || kind == StringComparisonKind.Suffix) && texts[i].Length == 0)
                    {
                        throw new EventPatternException(innerPath, "Null prefix/suffix not allowed");
                    }
                    tests[i] = kind == StringComparisonKind.Wildcard ? CompileWildcard(texts[i], innerPath) : new StringTest(kind, texts[i]);
                }
                return new AnythingButStringsMatcher(tests, description);
            }

            switch (operand.ValueKind)
            {
                case JsonValueKind.String:
                    return new AnythingButStringsMatcher(new[] { new StringTest(StringComparisonKind.Equals, operand.GetString()!) }, description);
                case JsonValueKind.Number:
                    return new AnythingButNumbersMatcher(new[] { RequireComparable(operand, path) }, description);
                case JsonValueKind.Array:
                {
                    var strings = new List<StringTest>();
                    var numbers = new List<double>();
                    var i = 0;
                    foreach (var e in operand.EnumerateArray())
                    {
                        var ePath = path + "[" + i + "]";
                        if (e.ValueKind == JsonValueKind.String) strings.Add(new StringTest(StringComparisonKind.Equals, e.GetString()!));
                        else if (e.ValueKind == JsonValueKind.Number) numbers.Add(RequireComparable(e, ePath));
                        else throw new EventPatternException(ePath, "Inside anything but list, start|null|boolean is not supported.");
                        i++;
                    }
                    if ((strings.Count > 0) == (numbers.Count > 0))
                    {
                        throw new EventPatternException(path, "Inside anything but list, either all values are number or string, mixed type is not supported");
                    }
                    return strings.Count > 0
                        ? new AnythingButStringsMatcher(strings.ToArray(), description)
                        : (ValueMatcher)new AnythingButNumbersMatcher(numbers.ToArray(), description);
                }
                default:
                    throw new EventPatternException(path, "Value of anything-but must be an array or single string/number value.");
            }
        }

        private static string NonStringInSet(StringComparisonKind kind)
        {
            switch (kind)
            {
                case StringComparisonKind.EqualsIgnoreCase: return "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.";
                case StringComparisonKind.Wildcard: return "wildcard match pattern must be a string";
                default: return "prefix/suffix match pattern must be a string";
            }
        }

        private static ValueMatcher CompileNumeric(JsonElement array, string path, string description)
        {
            var items = new List<JsonElement>();
            foreach (var e in array.EnumerateArray()) items.Add(e);
            if (items.Count == 0 || items[0].ValueKind != JsonValueKind.String)
            {
                throw new EventPatternException(path + "[0]", "Invalid member in numeric match: " + (items.Count == 0 ? "]" : Shown(items[0])));
            }
            var op = items[0].GetString()!;
            if (op != "=" && op != "<" && op != "<=" && op != ">" && op != ">=")
            {
                throw new EventPatternException(path + "[0]", "Unrecognized numeric range operator: " + op);
            }
            if (items.Count < 2 || items[1].ValueKind != JsonValueKind.Number)
            {
                throw new EventPatternException(path + "[1]", "Value of " + (op == "=" ? "equals" : op) + " must be numeric");
            }
            var first = RequireComparable(items[1], path + "[1]");
            switch (op)
            {
                case "=":
                    if (items.Count > 2) throw new EventPatternException(path, "Too many elements in numeric expression");
                    return new NumericMatcher(true, first, true, true, first, true, description);
                case "<":
                case "<=":
                    if (items.Count > 2) throw new EventPatternException(path, "Too many elements in numeric expression");
                    return new NumericMatcher(false, 0, false, true, first, op == "<=", description);
            }
            // ">" or ">=": optionally followed by an upper bound.
            if (items.Count == 2) return new NumericMatcher(true, first, op == ">=", false, 0, false, description);
            if (items[2].ValueKind != JsonValueKind.String) throw new EventPatternException(path + "[2]", "Bad value in numeric range: " + Shown(items[2]));
            var upperOp = items[2].GetString()!;
            if (upperOp != "<" && upperOp != "<=") throw new EventPatternException(path + "[2]", "Bad numeric range operator: " + upperOp);
            if (items.Count < 4 || items[3].ValueKind != JsonValueKind.Number)
            {
                throw new EventPatternException(path + "[3]", "Value of " + upperOp + " must be numeric");
            }
            var upper = RequireComparable(items[3], path + "[3]");
            if (items.Count > 4) throw new EventPatternException(path, "Too many terms in numeric range expression");
            if (!(first < upper)) throw new EventPatternException(path, "Bottom must be less than top");
            return new NumericMatcher(true, first, op == ">=", true, upper, upperOp == "<=", description);
        }

        private static string Shown(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();

        private static bool TryComparable(JsonElement number, out double value) => NumericLimits.TryGetComparable(number, out value);

        private static double RequireComparable(JsonElement number, string path)
        {
            if (TryComparable(number, out var value)) return value;
            throw new EventPatternException(path, "Value " + number.GetRawText() + " is not a finite double-precision number");
        }

        internal static string FormatNumber(double d) => d.ToString("R", CultureInfo.InvariantCulture);
    }
}
