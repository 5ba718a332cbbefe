using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace SageMakerMonitoring.Core.Output
{
    /// <summary>
    /// A read-only list on an output object (statistics, event types, -AsSeries values). It indexes and enumerates like
    /// an array (a JSON array in ConvertTo-Json), and its text is the items joined with <c>;</c> (numbers and times in
    /// the invariant culture, times as ISO 8601 UTC), which is what Export-Csv writes instead of a .NET type name.
    /// </summary>
    public sealed class TextList<T> : ReadOnlyCollection<T>
    {
        public static readonly TextList<T> Empty = new TextList<T>(Array.Empty<T>());

        public TextList(IList<T> items) : base(items)
        {
        }

        public override string ToString() => string.Join(";", this.Select(Format));

        internal static string Format(T item) => item switch
        {
            null => "",
            DateTimeOffset t => OutputTime.Format(t),
            DateTime t => OutputTime.Format(OutputTime.From(t)),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => item.ToString() ?? "",
        };
    }
}
