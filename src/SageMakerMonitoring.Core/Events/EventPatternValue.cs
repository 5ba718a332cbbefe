using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// A decoded event pattern as output: the same nested dictionaries and lists, but each one's text is its JSON, so
    /// Export-Csv and a shallow ConvertTo-Json write the pattern instead of a .NET type name.
    /// </summary>
    internal static class EventPatternValue
    {
        public static object? From(object? value) => value switch
        {
            PatternMap or PatternList => value,
            IDictionary<string, object?> map => new PatternMap(map.Select(p => new KeyValuePair<string, object?>(p.Key, From(p.Value)))),
            IList<object?> list => new PatternList(list.Select(From)),
            _ => value,
        };

        /// <summary>A pattern object.</summary>
        public sealed class PatternMap : Dictionary<string, object?>
        {
            public PatternMap(IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var p in pairs) this[p.Key] = p.Value;
            }

            public override string ToString() => EventJsonWriter.Write(this);
        }

        /// <summary>A pattern array.</summary>
        public sealed class PatternList : List<object?>
        {
            public PatternList(IEnumerable<object?> items) : base(items)
            {
            }

            public override string ToString() => EventJsonWriter.Write(this);
        }
    }
}
