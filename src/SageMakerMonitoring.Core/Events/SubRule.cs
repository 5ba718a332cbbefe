using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// One conjunction of a compiled pattern: field paths (in the order first written) and the values each accepts. A
    /// later write to the same path replaces the earlier one, as in the service's compiler.
    /// </summary>
    internal sealed class SubRule
    {
        private readonly List<Entry> _entries;
        private readonly Dictionary<string, int> _index;

        public SubRule()
        {
            _entries = new List<Entry>();
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        private SubRule(SubRule other)
        {
            _entries = new List<Entry>(other._entries);
            _index = new Dictionary<string, int>(other._index, StringComparer.Ordinal);
        }

        public SubRule Copy() => new SubRule(this);

        public void Put(string[] steps, string path, ValueMatcher[] matchers)
        {
            var key = string.Join("\u0000", steps);
            var entry = new Entry(steps, path, matchers);
            if (_index.TryGetValue(key, out var at)) _entries[at] = entry;
            else
            {
                _index[key] = _entries.Count;
                _entries.Add(entry);
            }
        }

        /// <summary>The sub-rule as a tree of objects, so that fields of one object in an event array match within one element.</summary>
        public PatternObject ToPatternObject() => Build(_entries, 0, "");

        private static PatternObject Build(List<Entry> entries, int depth, string path)
        {
            // Fields in the order first written; entries below the same name form one nested object.
            var order = new List<KeyValuePair<string, List<Entry>?>>();
            var leaves = new List<Entry?>();
            foreach (var entry in entries)
            {
                var name = entry.Steps[depth];
                if (entry.Steps.Length == depth + 1)
                {
                    order.Add(new KeyValuePair<string, List<Entry>?>(name, null));
                    leaves.Add(entry);
                    continue;
                }
                var at = order.FindIndex(g => g.Key == name && g.Value != null);
                if (at < 0)
                {
                    order.Add(new KeyValuePair<string, List<Entry>?>(name, new List<Entry>()));
                    leaves.Add(null);
                    at = order.Count - 1;
                }
                order[at].Value!.Add(entry);
            }
            var fields = new PatternField[order.Count];
            for (var i = 0; i < order.Count; i++)
            {
                var name = order[i].Key;
                if (order[i].Value == null)
                {
                    var leaf = leaves[i]!;
                    fields[i] = PatternField.Leaf(name, leaf.Path, leaf.Matchers);
                    continue;
                }
                var childPath = path.Length == 0 ? name : path + "." + name;
                fields[i] = PatternField.Nested(name, childPath, Build(order[i].Value!, depth + 1, childPath));
            }
            return new PatternObject(path, fields);
        }

        private sealed class Entry
        {
            public Entry(string[] steps, string path, ValueMatcher[] matchers)
            {
                Steps = steps;
                Path = path;
                Matchers = matchers;
            }

            public string[] Steps { get; }
            public string Path { get; }
            public ValueMatcher[] Matchers { get; }
        }
    }
}
