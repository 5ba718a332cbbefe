using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Tests.Metrics
{
    /// <summary>
    /// An in-memory CloudWatch for unit tests of the reader's logic (paging, InternalError re-reads, merging): it holds raw points,
    /// answers GetMetricData in pages of <see cref="PageSize"/> points across all queries (a series may continue on
    /// the next page, marked PartialData), and can be told to fail. Wire behaviour is tested against the emulator.
    /// </summary>
    internal sealed class ScriptedCloudWatch : ICloudWatchClient
    {
        private readonly Dictionary<string, SortedDictionary<DateTime, double>> _data = new Dictionary<string, SortedDictionary<DateTime, double>>();
        private readonly Random _random;

        public ScriptedCloudWatch(int seed = 1) => _random = new Random(seed);

        public int PageSize { get; set; } = 100_800;
        /// <summary>Share of results answered with StatusCode InternalError (and some of their points).</summary>
        public double ResultErrorRate { get; set; }
        public int Calls { get; private set; }
        public List<MetricDataRequest> Requests { get; } = new List<MetricDataRequest>();

        public static string Key(MetricIdentity m) => m.Namespace + "|" + m.MetricName + "|" + string.Join(",", m.Dimensions.Select(d => d.Name + "=" + d.Value));

        public void Put(MetricIdentity metric, DateTime timestamp, double value)
        {
            var key = Key(metric);
            if (!_data.TryGetValue(key, out var series)) _data[key] = series = new SortedDictionary<DateTime, double>();
            series[timestamp] = value;
        }

        public Task<MetricDataPage> GetMetricDataAsync(MetricDataRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            Requests.Add(new MetricDataRequest { Queries = request.Queries, StartTime = request.StartTime, EndTime = request.EndTime, NextToken = request.NextToken });

            // Token: "<query index>:<point offset>".
            int qi = 0, offset = 0;
            if (request.NextToken != null)
            {
                var parts = request.NextToken.Split(':');
                qi = int.Parse(parts[0]);
                offset = int.Parse(parts[1]);
            }
            var results = new List<MetricDataResult>();
            var budget = PageSize;
            string? next = null;
            for (; qi < request.Queries.Count; qi++, offset = 0)
            {
                var q = request.Queries[qi];
                var points = Bucket(q, request.StartTime, request.EndTime);
                var take = Math.Min(budget, points.Count - offset);
                var slice = points.Skip(offset).Take(take).ToList();
                var result = new MetricDataResult
                {
                    Id = q.Id,
                    Timestamps = slice.Select(p => p.Key).ToArray(),
                    Values = slice.Select(p => p.Value).ToArray(),
                    StatusCode = offset + take < points.Count ? "PartialData" : "Complete",
                };
                if (ResultErrorRate > 0 && _random.NextDouble() < ResultErrorRate)
                {
                    // A failed result may carry a truncated, unreliable set of points.
                    result.StatusCode = "InternalError";
                    result.Timestamps = result.Timestamps.Take(result.Timestamps.Length / 2).ToArray();
                    result.Values = result.Values.Take(result.Timestamps.Length).Select(v => -1.0).ToArray();
                }
                results.Add(result);
                budget -= take;
                if (offset + take < points.Count)
                {
                    next = qi + ":" + (offset + take);
                    break;
                }
                if (budget == 0 && qi + 1 < request.Queries.Count)
                {
                    next = (qi + 1) + ":0";
                    break;
                }
            }
            return Task.FromResult(new MetricDataPage { Results = results, NextToken = next });
        }

        private List<KeyValuePair<DateTime, double>> Bucket(MetricDataQuery q, DateTime start, DateTime end)
        {
            if (!_data.TryGetValue(Key(q.Metric), out var series)) return new List<KeyValuePair<DateTime, double>>();
            var period = TimeSpan.FromSeconds(q.Period);
            return series.Where(p => p.Key >= start && p.Key < end)
                .GroupBy(p => new DateTime(p.Key.Ticks - (p.Key.Ticks - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks) % period.Ticks, DateTimeKind.Utc))
                .Select(g => new KeyValuePair<DateTime, double>(g.Key, g.Average(p => p.Value)))
                .OrderBy(p => p.Key)
                .ToList();
        }

        public Task<MetricStatisticsResult> GetMetricStatisticsAsync(MetricStatisticsRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MetricListPage> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken)
        {
            var all = _data.Keys.Select(Parse)
                .Where(m => request.Namespace is null || m.Namespace == request.Namespace)
                .Where(m => request.MetricName is null || m.MetricName == request.MetricName)
                .Where(m => request.Dimensions.All(f => m.Dimensions.Any(d => d.Name == f.Key && (f.Value is null || d.Value == f.Value))))
                .ToList();
            var start = request.NextToken is null ? 0 : int.Parse(request.NextToken);
            var page = all.Skip(start).Take(3).ToList(); // tiny pages so paging is exercised
            return Task.FromResult(new MetricListPage { Metrics = page, NextToken = start + 3 < all.Count ? (start + 3).ToString() : null });
        }

        public Task PutMetricDataAsync(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellationToken) => throw new NotSupportedException();

        private static MetricIdentity Parse(string key)
        {
            var parts = key.Split('|');
            var dims = parts[2].Length == 0 ? new List<MetricDimension>() : parts[2].Split(',').Select(d => d.Split('=')).Select(d => new MetricDimension(d[0], d[1])).ToList();
            return new MetricIdentity(parts[0], parts[1], dims);
        }
    }
}
