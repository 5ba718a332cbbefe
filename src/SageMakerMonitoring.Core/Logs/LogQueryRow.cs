using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>One Logs Insights result row: its fields in the order the service returned them.</summary>
    public sealed class LogQueryRow
    {
        public LogQueryRow(IReadOnlyList<LogQueryField> fields)
        {
            Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        }

        public IReadOnlyList<LogQueryField> Fields { get; }

        /// <summary>The value of <paramref name="name"/>, or null when the row has no such field.</summary>
        public object? this[string name]
        {
            get
            {
                foreach (var f in Fields) if (string.Equals(f.Name, name, StringComparison.Ordinal)) return f.Value;
                return null;
            }
        }

        public override string ToString() => string.Join(", ", Fields);
    }
}
