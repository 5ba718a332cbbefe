using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// EventBridge reads an event as dotted field paths (aws/event-ruler joins the member names of nested objects with a
    /// dot), so an event member whose name contains dots, <c>{"detail.state": "running"}</c>, is found at the same path
    /// as <c>{"detail": {"state": "running"}}</c>, and when an event spells one path both ways both values are there.
    /// <see cref="Expand"/> rewrites such an event into the nested form the engine walks: each dotted name becomes nested
    /// objects, objects that land on the same name are merged member by member, and values that cannot be merged
    /// (a leaf beside an object, two leaves, two arrays) become the elements of one array, which the engine reads as
    /// "any of these values". Events without dotted names are returned as they are.
    /// </summary>
    /// <remarks>
    /// aws/event-ruler's README calls this behaviour of dotted names a caveat that may change. An object that lands on
    /// an array of objects joins each of its elements, so a pattern may take fields from the array's element and from
    /// the object together, as the service does. One corner still differs from the service: where both spellings lead to
    /// arrays of objects (or an array holds objects nested in inner arrays), a pattern's fields must come from one
    /// element of one of them here, while the service pairs any element of one with any element of the other.
    /// </remarks>
    internal static class DottedFieldNames
    {
        public static EventNode Expand(EventNode node)
        {
            if (!node.HasDottedName) return node;
            switch (node.Kind)
            {
                case JsonValueKind.Array:
                {
                    var items = new EventNode[node.Items.Length];
                    for (var i = 0; i < items.Length; i++) items[i] = Expand(node.Items[i]);
                    return EventNode.NewArray(items);
                }
                case JsonValueKind.Object:
                {
                    var order = new List<string>();
                    var parts = new Dictionary<string, List<EventNode>>(StringComparer.Ordinal);
                    for (var i = 0; i < node.Names.Length; i++)
                    {
                        var steps = node.Names[i].Split('.');
                        var value = Expand(node.Values[i]);
                        for (var s = steps.Length - 1; s >= 1; s--) value = EventNode.NewObject(new[] { steps[s] }, new[] { value });
                        Add(order, parts, steps[0], value);
                    }
                    return Build(order, parts);
                }
                default:
                    return node;
            }
        }

        /// <summary>One value for several values found at the same path.</summary>
        private static EventNode Combine(List<EventNode> values)
        {
            if (values.Count == 1) return values[0];
            var order = new List<string>();
            var members = new Dictionary<string, List<EventNode>>(StringComparer.Ordinal);
            var others = new List<EventNode>();
            var objects = 0;
            foreach (var value in values)
            {
                if (value.Kind != JsonValueKind.Object)
                {
                    others.Add(value);
                    continue;
                }
                objects++;
                for (var i = 0; i < value.Names.Length; i++) Add(order, members, value.Names[i], value.Values[i]);
            }
            if (others.Count == 0) return Build(order, members);
            var merged = objects > 0 ? Build(order, members) : null;
            if (merged != null && others.Count == 1 && others[0].Kind == JsonValueKind.Array && HasObject(others[0]))
            {
                // An object beside an array of objects: its fields belong with whichever element a pattern picks, so it
                // joins every element (fields from both then match together, as they do in the service).
                var elements = others[0].Items;
                var joined = new EventNode[elements.Length];
                for (var i = 0; i < elements.Length; i++)
                {
                    joined[i] = elements[i].Kind == JsonValueKind.Object ? Combine(new List<EventNode> { elements[i], merged }) : elements[i];
                }
                return EventNode.NewArray(joined);
            }
            var items = new List<EventNode>();
            if (merged != null) items.Add(merged);
            items.AddRange(others);
            return EventNode.NewArray(items.ToArray());
        }

        private static bool HasObject(EventNode array)
        {
            foreach (var item in array.Items)
            {
                if (item.Kind == JsonValueKind.Object) return true;
            }
            return false;
        }

        private static EventNode Build(List<string> order, Dictionary<string, List<EventNode>> parts)
        {
            var names = order.ToArray();
            var values = new EventNode[names.Length];
            for (var i = 0; i < names.Length; i++) values[i] = Combine(parts[names[i]]);
            return EventNode.NewObject(names, values);
        }

        private static void Add(List<string> order, Dictionary<string, List<EventNode>> parts, string name, EventNode value)
        {
            if (!parts.TryGetValue(name, out var list))
            {
                parts[name] = list = new List<EventNode>();
                order.Add(name);
            }
            list.Add(value);
        }
    }
}
