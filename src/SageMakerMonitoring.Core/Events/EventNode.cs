using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// One value of a parsed event in the engine's own compact form: strings (and number literals) are materialized
    /// once when the event is parsed, numbers are converted once, and object members are kept in small arrays, so
    /// matching reads fields and compares values without allocating.
    /// </summary>
    internal sealed class EventNode
    {
        private static readonly EventNode[] NoNodes = new EventNode[0];
        private static readonly string[] NoNames = new string[0];

        private EventNode(JsonValueKind kind)
        {
            Kind = kind;
        }

        public JsonValueKind Kind { get; }

        /// <summary>The string value, or the literal text of a number; null for other kinds.</summary>
        public string? Text { get; private set; }

        /// <summary>The number as a double, when <see cref="IsComparable"/>.</summary>
        public double Number { get; private set; }

        /// <summary>A number EventBridge compares numerically: finite and within ±2^53.</summary>
        public bool IsComparable { get; private set; }

        /// <summary>Elements of an array.</summary>
        public EventNode[] Items { get; private set; } = NoNodes;

        /// <summary>Member names of an object (unique; for duplicate keys the last one wins, as in EventBridge).</summary>
        public string[] Names { get; private set; } = NoNames;

        /// <summary>Member values of an object, parallel to <see cref="Names"/>.</summary>
        public EventNode[] Values { get; private set; } = NoNodes;

        /// <summary>True when a member name of this object, or of any object below this value, contains a dot.</summary>
        public bool HasDottedName { get; private set; }

        /// <summary>An object built by the engine (see <see cref="DottedFieldNames"/>); names must be unique.</summary>
        internal static EventNode NewObject(string[] names, EventNode[] values)
        {
            var node = new EventNode(JsonValueKind.Object) { Names = names, Values = values };
            return node;
        }

        /// <summary>An array built by the engine (see <see cref="DottedFieldNames"/>).</summary>
        internal static EventNode NewArray(EventNode[] items) => new EventNode(JsonValueKind.Array) { Items = items };

        public bool TryGetMember(string name, out EventNode value)
        {
            var names = Names;
            for (var i = 0; i < names.Length; i++)
            {
                if (string.Equals(names[i], name))
                {
                    value = Values[i];
                    return true;
                }
            }
            value = null!;
            return false;
        }

        public static EventNode From(JsonElement element)
        {
            var node = new EventNode(element.ValueKind);
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    node.Text = element.GetString() ?? "";
                    break;
                case JsonValueKind.Number:
                    node.Text = element.GetRawText();
                    node.IsComparable = NumericLimits.TryGetComparable(element, out var number);
                    node.Number = number;
                    break;
                case JsonValueKind.Array:
                {
                    var items = new EventNode[element.GetArrayLength()];
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        var child = From(item);
                        node.HasDottedName |= child.HasDottedName;
                        items[i++] = child;
                    }
                    node.Items = items;
                    break;
                }
                case JsonValueKind.Object:
                {
                    var names = new List<string>();
                    var values = new List<EventNode>();
                    foreach (var property in element.EnumerateObject())
                    {
                        var at = names.IndexOf(property.Name);
                        var value = From(property.Value);
                        node.HasDottedName |= value.HasDottedName || property.Name.IndexOf('.') >= 0;
                        if (at >= 0) values[at] = value;
                        else
                        {
                            names.Add(property.Name);
                            values.Add(value);
                        }
                    }
                    node.Names = names.ToArray();
                    node.Values = values.ToArray();
                    break;
                }
            }
            return node;
        }

        /// <summary>The value as compact JSON, for explanations.</summary>
        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                Write(writer);
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private void Write(Utf8JsonWriter writer)
        {
            switch (Kind)
            {
                case JsonValueKind.String: writer.WriteStringValue(Text); break;
                case JsonValueKind.Number: writer.WriteRawValue(Text!, skipInputValidation: true); break;
                case JsonValueKind.True: writer.WriteBooleanValue(true); break;
                case JsonValueKind.False: writer.WriteBooleanValue(false); break;
                case JsonValueKind.Null: writer.WriteNullValue(); break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in Items) item.Write(writer);
                    writer.WriteEndArray();
                    break;
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    for (var i = 0; i < Names.Length; i++)
                    {
                        writer.WritePropertyName(Names[i]);
                        Values[i].Write(writer);
                    }
                    writer.WriteEndObject();
                    break;
                default:
                    throw new InvalidOperationException("Unexpected JSON value kind " + Kind);
            }
        }
    }
}
