using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using SageMakerMonitoring.Emulator.Services.Logs.Storage;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>
    /// Runs a compiled query over the events of some log groups in a time range. Commands apply in order; a query
    /// without <c>stats</c> and without <c>sort</c> is sorted by @timestamp descending. Results show the fields
    /// named by the last <c>display</c>, else by <c>fields</c>, else (no stats) @timestamp, @message, @logStream, @log;
    /// event rows end with @ptr. At most <c>limit</c> rows are kept.
    /// </summary>
    internal static class InsightsEngine
    {
        private static readonly string[] DefaultFields = { "@timestamp", "@message", "@logStream", "@log" };

        /// <summary>Caller holds the service's read lock.</summary>
        public static InsightsResult Execute(InsightsQuery query, IReadOnlyList<LogGroupState> groups, long startMs, long endMs,
            int limit, string accountId, CancellationToken cancellationToken)
        {
            long scanned = 0, bytes = 0;
            IEnumerable<IInsightsRow> rows = Scan(groups, startMs, endMs, accountId, cancellationToken, () => scanned++, b => bytes += b);

            bool hasStats = false, hasSort = false;
            List<string>? fields = null;
            List<string>? display = null;
            int firstNonFilter = query.Commands.Count;
            for (int i = 0; i < query.Commands.Count; i++)
            {
                InsightsCommand c = query.Commands[i];
                if (c is InsightsStatsCommand) hasStats = true;
                if (c is InsightsSortCommand) hasSort = true;
                if (firstNonFilter == query.Commands.Count && (c is InsightsStatsCommand || c is InsightsSortCommand || c is InsightsLimitCommand)) firstNonFilter = i;
            }

            long matched = 0;
            bool implicitSortPending = !hasStats && !hasSort;
            for (int i = 0; i < query.Commands.Count; i++)
            {
                if (i == firstNonFilter) rows = Count(rows, () => matched++);
                if (i == firstNonFilter && implicitSortPending)
                {
                    rows = Sort(rows, new[] { new KeyValuePair<string, bool>("@timestamp", true) });
                    implicitSortPending = false;
                }
                switch (query.Commands[i])
                {
                    case InsightsFilterCommand filter:
                        InsightsExpression condition = filter.Condition;
                        rows = rows.Where(r => condition.IsTrue(r));
                        break;
                    case InsightsFieldsCommand f:
                        if (f.IsDisplay) display = f.Names.ToList();
                        else
                        {
                            fields ??= new List<string>();
                            foreach (string n in f.Names) if (!fields.Contains(n)) fields.Add(n);
                        }
                        break;
                    case InsightsStatsCommand stats:
                        rows = Aggregate(rows, stats);
                        fields = stats.Groupings.Select(g => g.OutputName).Concat(stats.Aggregations.Select(a => a.OutputName)).ToList();
                        break;
                    case InsightsSortCommand sort:
                        rows = Sort(rows, sort.Keys);
                        break;
                    case InsightsLimitCommand l:
                        rows = rows.Take(l.Count);
                        break;
                }
            }
            if (firstNonFilter == query.Commands.Count) rows = Count(rows, () => matched++);
            if (implicitSortPending) rows = Sort(rows, new[] { new KeyValuePair<string, bool>("@timestamp", true) });

            IReadOnlyList<string> shown = display ?? fields ?? (IReadOnlyList<string>)DefaultFields;
            var output = new List<IReadOnlyList<KeyValuePair<string, string>>>();
            foreach (IInsightsRow row in rows)
            {
                if (output.Count >= limit) break;
                var cells = new List<KeyValuePair<string, string>>(shown.Count + 1);
                foreach (string name in shown)
                {
                    object? value = row.GetField(name);
                    if (value != null) cells.Add(new KeyValuePair<string, string>(name, InsightsValues.Format(value)));
                }
                if (row is InsightsEventRow e) cells.Add(new KeyValuePair<string, string>("@ptr", e.Pointer));
                output.Add(cells);
            }
            return new InsightsResult(output, matched, scanned, bytes, groups.Count);
        }

        private static IEnumerable<IInsightsRow> Scan(IReadOnlyList<LogGroupState> groups, long startMs, long endMs, string accountId,
            CancellationToken cancellationToken, Action onEvent, Action<long> onBytes)
        {
            foreach (LogGroupState group in groups)
            {
                string logField = accountId + ":" + group.Name;
                foreach (LogStreamState stream in group.Streams.Values.ToList())
                {
                    LogEventStore store = stream.Events;
                    int from = store.LowerBound(startMs);
                    int to = store.UpperBound(endMs);
                    for (int i = from; i < to; i++)
                    {
                        if ((i & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                        var row = new InsightsEventRow(logField, stream, i);
                        onEvent();
                        onBytes(Encoding.UTF8.GetByteCount(row.Message));
                        yield return row;
                    }
                }
            }
        }

        private static IEnumerable<IInsightsRow> Count(IEnumerable<IInsightsRow> rows, Action onRow)
        {
            foreach (IInsightsRow row in rows)
            {
                onRow();
                yield return row;
            }
        }

        private static IEnumerable<IInsightsRow> Sort(IEnumerable<IInsightsRow> rows, IReadOnlyList<KeyValuePair<string, bool>> keys)
        {
            var list = rows.ToList();
            var comparison = new Comparison<IInsightsRow>((a, b) =>
            {
                foreach (KeyValuePair<string, bool> key in keys)
                {
                    int c = InsightsValues.CompareForSort(a.GetField(key.Key), b.GetField(key.Key));
                    if (c != 0)
                    {
                        bool missing = a.GetField(key.Key) == null || b.GetField(key.Key) == null;
                        return key.Value && !missing ? -c : c;
                    }
                }
                return 0;
            });
            // Stable sort keeps scan order among equal keys.
            var indexed = list.Select((row, index) => (row, index)).ToList();
            indexed.Sort((x, y) => { int c = comparison(x.row, y.row); return c != 0 ? c : x.index.CompareTo(y.index); });
            return indexed.Select(x => x.row).ToList();
        }

        private static IEnumerable<IInsightsRow> Aggregate(IEnumerable<IInsightsRow> rows, InsightsStatsCommand stats)
        {
            var groups = new Dictionary<string, (object?[] Keys, InsightsAccumulator[] Accumulators)>(StringComparer.Ordinal);
            var order = new List<string>();
            var keyBuilder = new StringBuilder();
            foreach (IInsightsRow row in rows)
            {
                var keys = new object?[stats.Groupings.Count];
                keyBuilder.Clear();
                for (int g = 0; g < keys.Length; g++)
                {
                    InsightsGrouping grouping = stats.Groupings[g];
                    object? value;
                    if (grouping.Field == null)
                    {
                        object? ts = row.GetField("@timestamp");
                        value = ts is InsightsTimestamp t
                            ? new InsightsTimestamp(FloorDiv(t.Milliseconds, grouping.BinMilliseconds) * grouping.BinMilliseconds)
                            : null;
                    }
                    else value = row.GetField(grouping.Field);
                    keys[g] = value;
                    keyBuilder.Append(value == null ? "\u0001" : InsightsValues.Format(value)).Append('\u0000');
                }
                string key = keyBuilder.ToString();
                if (!groups.TryGetValue(key, out var entry))
                {
                    var accumulators = stats.Aggregations.Select(a => new InsightsAccumulator(a)).ToArray();
                    entry = (keys, accumulators);
                    groups[key] = entry;
                    order.Add(key);
                }
                foreach (InsightsAccumulator a in entry.Accumulators) a.Add(row);
            }
            var result = new List<IInsightsRow>(order.Count);
            foreach (string key in order)
            {
                var (keys, accumulators) = groups[key];
                var row = new InsightsResultRow();
                for (int g = 0; g < keys.Length; g++) row.Values[stats.Groupings[g].OutputName] = keys[g];
                for (int a = 0; a < accumulators.Length; a++) row.Values[stats.Aggregations[a].OutputName] = accumulators[a].Result();
                result.Add(row);
            }
            // Groups come out ordered by their keys (bins ascending).
            if (stats.Groupings.Count > 0)
            {
                var sortKeys = stats.Groupings.Select(g => new KeyValuePair<string, bool>(g.OutputName, false)).ToList();
                return Sort(result, sortKeys);
            }
            return result;
        }

        private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
    }
}
