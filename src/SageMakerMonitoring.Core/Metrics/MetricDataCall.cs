using System;
using System.Collections.Generic;
using System.Globalization;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>One planned GetMetricData request: a time window and the series read in it (one query each).</summary>
    public sealed class MetricDataCall
    {
        public MetricDataCall(DateTime start, DateTime end, IReadOnlyList<MetricSeriesDescriptor> series, long estimatedDatapoints)
        {
            Start = start;
            End = end;
            Series = series;
            EstimatedDatapoints = estimatedDatapoints;
        }

        /// <summary>Inclusive, UTC, aligned to every query period of the call.</summary>
        public DateTime Start { get; }
        /// <summary>Exclusive, UTC.</summary>
        public DateTime End { get; }
        public IReadOnlyList<MetricSeriesDescriptor> Series { get; }
        /// <summary>Upper bound of the datapoints the call can return.</summary>
        public long EstimatedDatapoints { get; }

        /// <summary>The query id of the series at <paramref name="index"/>: a lower-case letter, then digits.</summary>
        public static string QueryId(int index) => "q" + index.ToString(CultureInfo.InvariantCulture);

        /// <summary>The series index a query id names, or -1.</summary>
        public static int IndexOf(string? id)
        {
            if (id is null || id.Length < 2 || id[0] != 'q') return -1;
            return int.TryParse(id.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        }

        /// <summary>The request for this call (ascending scan), optionally limited to some of its series (by index).</summary>
        public MetricDataRequest ToRequest(DateTime? start = null, IReadOnlyList<int>? only = null)
        {
            var queries = new List<MetricDataQuery>(only?.Count ?? Series.Count);
            if (only is null)
            {
                for (var i = 0; i < Series.Count; i++) queries.Add(Query(i));
            }
            else
            {
                foreach (var i in only) queries.Add(Query(i));
            }
            return new MetricDataRequest { Queries = queries, StartTime = start ?? Start, EndTime = End, ScanAscending = true };
        }

        private MetricDataQuery Query(int index)
        {
            var s = Series[index];
            return new MetricDataQuery(QueryId(index), s.Identity, s.QueryPeriod, s.Statistic);
        }

        public override string ToString() => $"{Start:yyyy-MM-ddTHH:mm:ssZ}..{End:yyyy-MM-ddTHH:mm:ssZ} x {Series.Count} series (<= {EstimatedDatapoints} points)";
    }
}
