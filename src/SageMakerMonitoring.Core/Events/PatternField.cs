using System.Text;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>One field of a pattern object: either a leaf (an array of value matchers, any of which may match) or a nested object.</summary>
    internal sealed class PatternField
    {
        private PatternField(string name, string path, ValueMatcher[]? matchers, PatternObject? child)
        {
            Name = name;
            Path = path;
            Matchers = matchers;
            Child = child;
            if (matchers != null)
            {
                foreach (var m in matchers)
                {
                    if (m.MatchesMissing) MatchesMissing = true;
                }
            }
            else
            {
                MatchesMissing = child!.MatchesMissing;
            }
        }

        public static PatternField Leaf(string name, string path, ValueMatcher[] matchers) => new PatternField(name, path, matchers, null);

        public static PatternField Nested(string name, string path, PatternObject child) => new PatternField(name, path, null, child);

        public string Name { get; }
        public string Path { get; }
        public ValueMatcher[]? Matchers { get; }
        public PatternObject? Child { get; }

        /// <summary>Whether this field is satisfied when the event has no value for it.</summary>
        public bool MatchesMissing { get; }

        public bool Matches(EventNode eventObject)
        {
            if (!eventObject.TryGetMember(Name, out var value)) return MatchesMissing;
            return MatchesValue(value);
        }

        private bool MatchesValue(EventNode value)
        {
            if (Matchers != null)
            {
                var anyLeaf = false;
                if (MatchLeaves(value, ref anyLeaf)) return true;
                return !anyLeaf && MatchesMissing;
            }
            var anyObject = false;
            if (MatchObjects(value, ref anyObject)) return true;
            return !anyObject && MatchesMissing;
        }

        private bool MatchLeaves(EventNode value, ref bool anyLeaf)
        {
            switch (value.Kind)
            {
                case JsonValueKind.Object:
                    return false;
                case JsonValueKind.Array:
                {
                    var items = value.Items;
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (MatchLeaves(items[i], ref anyLeaf)) return true;
                    }
                    return false;
                }
                default:
                    anyLeaf = true;
                    var leaf = new LeafValue(value);
                    var matchers = Matchers!;
                    for (var i = 0; i < matchers.Length; i++)
                    {
                        if (matchers[i].Matches(ref leaf)) return true;
                    }
                    return false;
            }
        }

        private bool MatchObjects(EventNode value, ref bool anyObject)
        {
            switch (value.Kind)
            {
                case JsonValueKind.Object:
                    anyObject = true;
                    return Child!.Matches(value);
                case JsonValueKind.Array:
                {
                    var items = value.Items;
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (MatchObjects(items[i], ref anyObject)) return true;
                    }
                    return false;
                }
                default:
                    return false;
            }
        }

        /// <summary>Slow path for explanations: null when the field matches, else the reason it does not.</summary>
        public EventMatchResult? Explain(EventNode eventObject)
        {
            if (eventObject.Kind != JsonValueKind.Object || !eventObject.TryGetMember(Name, out var value))
            {
                if (MatchesMissing) return null;
                if (Child != null) return Child.ExplainMissing() ?? EventMatchResult.Miss(Path, "field is missing from the event");
                return EventMatchResult.Miss(Path, "field is missing from the event; pattern wants " + DescribeMatchers());
            }
            if (MatchesValue(value)) return null;
            if (Matchers != null)
            {
                var shown = value.ToJson();
                if (shown.Length > 120) shown = shown.Substring(0, 117) + "...";
                var anyLeaf = false;
                MatchLeaves(value, ref anyLeaf);
                if (!anyLeaf) return EventMatchResult.Miss(Path, "event value " + shown + " is not a leaf value; pattern wants " + DescribeMatchers());
                return EventMatchResult.Miss(Path, "event value " + shown + " matched none of " + DescribeMatchers());
            }
            // Nested object: explain against the first object we can find.
            var first = FirstObject(value);
            if (first != null) return Child!.Explain(first) ?? EventMatchResult.Miss(Path, "no element of the event array matched the nested pattern");
            return Child!.ExplainMissing() ?? EventMatchResult.Miss(Path, "event value is not an object");
        }

        public EventMatchResult? ExplainMissing()
        {
            if (MatchesMissing) return null;
            if (Child != null) return Child.ExplainMissing() ?? EventMatchResult.Miss(Path, "field is missing from the event");
            return EventMatchResult.Miss(Path, "field is missing from the event; pattern wants " + DescribeMatchers());
        }

        private static EventNode? FirstObject(EventNode value)
        {
            if (value.Kind == JsonValueKind.Object) return value;
            if (value.Kind == JsonValueKind.Array)
            {
                foreach (var e in value.Items)
                {
                    var found = FirstObject(e);
                    if (found != null) return found;
                }
            }
            return null;
        }

        private string DescribeMatchers()
        {
            var sb = new StringBuilder("[");
            for (var i = 0; i < Matchers!.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Matchers[i].Description);
            }
            return sb.Append(']').ToString();
        }
    }
}
