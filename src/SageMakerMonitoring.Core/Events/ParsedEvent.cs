using System;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// An event read once into the pattern engine's compact form. Parse an event once, then check it against any number
    /// of compiled patterns with <see cref="EventPattern.Matches(ParsedEvent)"/>: matching then allocates nothing.
    /// Immutable and safe to share between threads.
    /// </summary>
    public sealed class ParsedEvent
    {
        private ParsedEvent(EventNode root)
        {
            Root = root;
            MatchRoot = DottedFieldNames.Expand(root);
        }

        /// <summary>The event as read.</summary>
        internal EventNode Root { get; }

        /// <summary>The event as patterns see it: member names containing dots expanded into nested objects (the same node as <see cref="Root"/> when there are none).</summary>
        internal EventNode MatchRoot { get; }

        /// <summary>True when the event is a JSON object (anything else matches only patterns that need no field).</summary>
        public bool IsObject => Root.Kind == JsonValueKind.Object;

        /// <summary>Parses event JSON.</summary>
        /// <exception cref="JsonException">The text is not JSON.</exception>
        public static ParsedEvent Parse(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            return new ParsedEvent(EventNode.From(document.RootElement));
        }

        /// <summary>Reads an already parsed event (the element may be disposed of afterwards).</summary>
        public static ParsedEvent From(JsonElement element) => new ParsedEvent(EventNode.From(element));

        /// <summary>A top-level string field (<c>id</c>, <c>source</c>, <c>detail-type</c>, ...); null when absent or not a string.</summary>
        public string? GetString(string field)
            => Root.Kind == JsonValueKind.Object && Root.TryGetMember(field, out var value) && value.Kind == JsonValueKind.String ? value.Text : null;

        /// <summary>The event as compact JSON.</summary>
        public string ToJson() => Root.ToJson();

        public override string ToString() => ToJson();
    }
}
