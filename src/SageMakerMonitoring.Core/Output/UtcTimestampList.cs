using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Core.Output
{
    /// <summary>
    /// The timestamps of a series as <see cref="DateTimeOffset"/> values at UTC, over the series' own UTC
    /// <see cref="DateTime"/> array (nothing is copied). Text: ISO 8601 UTC times joined with <c>;</c>.
    /// </summary>
    public sealed class UtcTimestampList : IReadOnlyList<DateTimeOffset>
    {
        private readonly DateTime[] _utc;

        public UtcTimestampList(DateTime[] utc) => _utc = utc ?? throw new ArgumentNullException(nameof(utc));

        public DateTimeOffset this[int index] => OutputTime.From(_utc[index]);

        public int Count => _utc.Length;

        public IEnumerator<DateTimeOffset> GetEnumerator()
        {
            for (var i = 0; i < _utc.Length; i++) yield return OutputTime.From(_utc[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(";", _utc.Select(t => OutputTime.Format(OutputTime.From(t))));
    }
}
