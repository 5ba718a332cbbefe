using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// GetMetricData for MetricStat queries (up to 500). MaxDatapoints (default and cap 100,800) limits the points
    /// of one call across all results. Queries are served in request order: the query that exhausts the budget is
    /// returned as PartialData and the queries after it appear with no points and PartialData; the NextToken
    /// continues exactly there, so the same Id appears on several pages. Queries completed on an earlier page are
    /// not repeated. ScanBy orders points (and pages) newest first by default.
    /// </summary>
    internal static class GetMetricDataOperation
    {
        public const int MaxQueries = 500;
        public const int MaxDatapointsPerCall = 100_800;

        public static GetMetricDataAnswer Execute(MetricStore store, JsonObject request, double now)
        {
            var queriesArray = RequestReader.GetArray(request, "MetricDataQueries");
            if (queriesArray == null || queriesArray.Count == 0)
            {
                throw CloudWatchErrors.MissingParameter("The parameter MetricDataQueries is required.");
            }
            if (queriesArray.Count > MaxQueries)
            {
                throw CloudWatchErrors.ValidationError(
                    $"The collection MetricDataQueries must not have a size greater than {MaxQueries}.");
            }
            var start = StatisticRequestReader.ReadTime(request, "StartTime", CloudWatchErrors.ValidationError);
            var end = StatisticRequestReader.ReadTime(request, "EndTime", CloudWatchErrors.ValidationError);

            var errors = new ValidationErrorList();
            var queries = MetricDataQuery.ReadAll(queriesArray, errors);
            errors.ThrowIfAny();

            if (start == end) throw CloudWatchErrors.ValidationError("The parameter StartTime must not equal parameter EndTime.");
            if (start > end) throw CloudWatchErrors.ValidationError("The parameter StartTime must be less than the parameter EndTime.");

            var scanBy = RequestReader.GetString(request, "ScanBy") ?? "TimestampDescending";
            bool descending;
            if (scanBy == "TimestampDescending") descending = true;
            else if (scanBy == "TimestampAscending") descending = false;
            else
            {
                throw CloudWatchErrors.ValidationError(
                    $"The value {scanBy} for parameter ScanBy is invalid; valid values are TimestampDescending and TimestampAscending.");
            }

            var budget = MaxDatapointsPerCall;
            if (RequestReader.Has(request, "MaxDatapoints"))
            {
                if (!RequestReader.TryGetInteger(request["MaxDatapoints"], out var max) || max < 1)
                {
                    throw CloudWatchErrors.ValidationError(
                        $"The value {RequestReader.GetString(request, "MaxDatapoints")} for parameter MaxDatapoints is invalid; it must be at least 1.");
                }
                budget = (int)Math.Min(max, MaxDatapointsPerCall);
            }

            var fingerprint = MetricDataToken.FingerprintOf(queriesArray.ToJsonString(), start, end, descending);
            var firstIndex = 0;
            var cursor = MetricDataToken.NotStarted;
            var tokenText = RequestReader.GetString(request, "NextToken");
            if (!string.IsNullOrEmpty(tokenText))
            {
                if (!MetricDataToken.TryDecode(tokenText!, out var token) || token.Fingerprint != fingerprint
                    || token.QueryIndex < 0 || token.QueryIndex >= queries.Count)
                {
                    throw CloudWatchErrors.InvalidNextToken("The NextToken is invalid or does not belong to this request.");
                }
                firstIndex = token.QueryIndex;
                cursor = token.NextPeriodStart;
            }

            var results = new List<MetricDataPageResult>();
            string? nextToken = null;
            store.Read<object?>(s =>
            {
                var series = new MetricSeries?[queries.Count];
                for (var i = firstIndex; i < queries.Count; i++)
                {
                    var query = queries[i];
                    series[i] = s.Find(query.Key);
                    if (query.Period < 60 && series[i] != null && series[i]!.StorageResolution >= 60)
                    {
                        throw CloudWatchErrors.InvalidParameterValue(StatisticRequestReader.StandardResolutionMessage(
                            $"MetricDataQueries.member.{i + 1}.MetricStat.Period"));
                    }
                }

                var aggregator = new PeriodAggregator();
                var sink = new ValueSink();
                var stopped = false;
                for (var i = firstIndex; i < queries.Count; i++)
                {
                    var query = queries[i];
                    if (!query.ReturnData) continue;
                    if (!stopped && budget == 0)
                    {
                        stopped = true;
                        nextToken = new MetricDataToken(i, MetricDataToken.NotStarted, fingerprint).Encode();
                    }
                    if (stopped)
                    {
                        results.Add(Result(query, null, "PartialData"));
                        continue;
                    }

                    sink.Reset(query.Statistic);
                    var outcome = default(AggregationOutcome);
                    var window = QueryWindow.Resolve(start, end, query.Period, now);
                    if (series[i] != null && !window.IsEmpty)
                    {
                        var from = window.From;
                        var to = window.End;
                        if (i == firstIndex && cursor != MetricDataToken.NotStarted)
                        {
                            if (descending) to = Math.Min(to, cursor + query.Period);
                            else from = Math.Max(from, cursor);
                        }
                        outcome = aggregator.Run(series[i]!, from, to, query.Period, query.Unit, descending,
                            query.Statistic.IsPercentile, budget, sink);
                    }
                    budget -= sink.Count;
                    if (outcome.HasMore)
                    {
                        stopped = true;
                        nextToken = new MetricDataToken(i, outcome.NextPeriodStart, fingerprint).Encode();
                        results.Add(Result(query, sink, "PartialData"));
                    }
                    else
                    {
                        results.Add(Result(query, sink, "Complete"));
                    }
                }
                return null;
            });

            return new GetMetricDataAnswer(results, nextToken);
        }

        private static MetricDataPageResult Result(MetricDataQuery query, ValueSink? sink, string status)
        {
            var count = sink?.Count ?? 0;
            var timestamps = new long[count];
            var values = new double[count];
            if (sink != null)
            {
                Array.Copy(sink.Times, timestamps, count);
                Array.Copy(sink.Values, values, count);
            }
            return new MetricDataPageResult(query.Id, query.Label, timestamps, values, status);
        }

        /// <summary>Collects one query's (timestamp, value) pairs for the page, reused across queries.</summary>
        private sealed class ValueSink : IPeriodSink
        {
            private MetricStatistic _statistic;
            private long[] _times = new long[256];
            private double[] _values = new double[256];

            public int Count { get; private set; }
            public long[] Times => _times;
            public double[] Values => _values;

            public void Reset(MetricStatistic statistic)
            {
                _statistic = statistic;
                Count = 0;
            }

            public bool Accept(in PeriodSummary summary, double[] sortedValues, double[] sortedWeights)
            {
                var value = _statistic.Evaluate(summary, sortedValues, sortedWeights);
                if (double.IsNaN(value)) return false;
                if (Count == _times.Length)
                {
                    Array.Resize(ref _times, Count * 2);
                    Array.Resize(ref _values, Count * 2);
                }
                _times[Count] = summary.Start;
                _values[Count] = value;
                Count++;
                return true;
            }
        }
    }
}
