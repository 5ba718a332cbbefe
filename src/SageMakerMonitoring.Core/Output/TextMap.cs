using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace SageMakerMonitoring.Core.Output
{
    /// <summary>
    /// A read-only name/value map on an output object (metric dimensions, a target's input paths). It is still a
    /// dictionary (<c>$m.Dimensions['Host']</c>, a JSON object in ConvertTo-Json), and its text is
    /// <c>Name=Value;Name=Value</c> in name order, which is what Export-Csv writes instead of a .NET type name.
    /// </summary>
    public sealed class TextMap : ReadOnlyDictionary<string, string>
    {
        public static readonly TextMap Empty = new TextMap(new Dictionary<string, string>(StringComparer.Ordinal));

        private string? _text;

        public TextMap(IDictionary<string, string> values) : base(values)
        {
        }

        public static TextMap From(IEnumerable<KeyValuePair<string, string>>? pairs)
        {
            if (pairs is null) return Empty;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in pairs) d[p.Key] = p.Value;
            return d.Count == 0 ? Empty : new TextMap(d);
        }

        public override string ToString() =>
            _text ??= string.Join(";", this.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }
}
