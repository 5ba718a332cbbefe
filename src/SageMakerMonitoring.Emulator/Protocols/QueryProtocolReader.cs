using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Protocols
{
    /// <summary>
    /// Turns an awsQuery form body into the tree the JSON protocol would give: "A.B" nests objects, "X.member.N"
    /// becomes an array, "X.entry.N.key"/".value" a map; every value stays a string. Action and Version are returned
    /// separately and are not part of the tree.
    /// </summary>
    public static class QueryProtocolReader
    {
        public static JsonObject Read(ReadOnlySpan<byte> body, out string? action, out string? version)
        {
            action = null;
            version = null;
            var root = new FormNode();
            string form = Encoding.UTF8.GetString(body);
            foreach (string pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                string key = AwsUriEncoding.DecodeForm(eq < 0 ? pair : pair.Substring(0, eq));
                string value = eq < 0 ? "" : AwsUriEncoding.DecodeForm(pair.Substring(eq + 1));
                if (key == "Action") { action = value; continue; }
                if (key == "Version") { version = value; continue; }
                FormNode node = root;
                foreach (string segment in key.Split('.')) node = node.Child(segment);
                node.Value = value;
            }
            return root.ToJson() as JsonObject ?? new JsonObject();
        }

        private sealed class FormNode
        {
            private Dictionary<string, FormNode>? _children;

            public string? Value { get; set; }

            public FormNode Child(string name)
            {
                _children ??= new Dictionary<string, FormNode>(StringComparer.Ordinal);
                if (!_children.TryGetValue(name, out FormNode? child))
                {
                    child = new FormNode();
                    _children.Add(name, child);
                }
                return child;
            }

            public JsonNode ToJson()
            {
                if (_children is null) return JsonValue.Create(Value ?? "");
                if (_children.Count == 1 && _children.TryGetValue("member", out FormNode? members) && members.AllIndexed())
                    return new JsonArray(members.Indexed().Select(item => (JsonNode?)item.ToJson()).ToArray());
                if (_children.Count == 1 && _children.TryGetValue("entry", out FormNode? entries) && entries.AllIndexed())
                {
                    var map = new JsonObject();
                    foreach (FormNode entry in entries.Indexed())
                    {
                        string? key = entry._children != null && entry._children.TryGetValue("key", out FormNode? k) ? k.Value : null;
                        if (key is null) continue;
                        map[key] = entry._children!.TryGetValue("value", out FormNode? v) ? v.ToJson() : JsonValue.Create("");
                    }
                    return map;
                }
                var obj = new JsonObject();
                foreach (KeyValuePair<string, FormNode> pair in _children) obj[pair.Key] = pair.Value.ToJson();
                return obj;
            }

            private bool AllIndexed() =>
                _children != null && _children.Count > 0 && _children.Keys.All(k => int.TryParse(k, out int n) && n > 0);

            private IEnumerable<FormNode> Indexed() =>
                _children!.OrderBy(pair => int.Parse(pair.Key)).Select(pair => pair.Value);
        }
    }
}
