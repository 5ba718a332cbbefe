using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// GetMetricStatistics: one metric (exact dimension set), 1–5 Statistics or 1–10 ExtendedStatistics (never both),
    /// at most 1,440 periods per call. Datapoints come back in no particular order, as with CloudWatch: the emulator
    /// orders them by a hash of their timestamp so that callers that forget to sort notice. Without a Unit filter,
    /// a metric stored with several units answers one datapoint per unit and period.
    /// </summary>
    internal static class GetMetricStatisticsOperation
    {
        public const int MaxDatapoints = 1440;
        public const int MaxStatistics = 5;
        public const int MaxExtendedStatistics = 10;

        public static JsonNode Execute(MetricStore store, JsonObject request, double now)
        {
            var metricNamespace = RequestReader.GetString(request, "Namespace");
            if (string.IsNullOrEmpty(metricNamespace)) throw CloudWatchErrors.MissingParameter("The parameter Namespace is required.");
            var metricName = RequestReader.GetString(request, "MetricName");
            if (string.IsNullOrEmpty(metricName)) throw CloudWatchErrors.MissingParameter("The parameter MetricName is required.");
            var start = StatisticRequestReader.ReadTime(request, "StartTime", CloudWatchErrors.InvalidParameterValue);
            var end = StatisticRequestReader.ReadTime(request, "EndTime", CloudWatchErrors.InvalidParameterValue);
            if (!RequestReader.Has(request, "Period")) throw CloudWatchErrors.MissingParameter("The parameter Period is required.");
            if (!RequestReader.TryGetInteger(request["Period"], out var period) || period < 1 || !QueryWindow.IsValidPeriod(period))
            {
                throw CloudWatchErrors.InvalidParameterValue(StatisticRequestReader.PeriodRuleMessage("Period"));
            }

            var statisticsArray = RequestReader.GetArray(request, "Statistics");
            var extendedArray = RequestReader.GetArray(request, "ExtendedStatistics");
            var hasStatistics = statisticsArray != null && statisticsArray.Count > 0;
            var hasExtended = extendedArray != null && extendedArray.Count > 0;
            if (hasStatistics && hasExtended)
            {
                throw CloudWatchErrors.InvalidParameterCombination(
                    "The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.");
            }
            if (!hasStatistics && !hasExtended)
            {
                throw CloudWatchErrors.InvalidParameterCombination("Must specify either Statistics or ExtendedStatistics.");
            }
            var statistics = hasStatistics ? ReadStatistics(statisticsArray!) : ReadExtendedStatistics(extendedArray!);

            var unitFilter = StatisticRequestReader.ReadUnit(request, "Unit", CloudWatchErrors.InvalidParameterValue);
            var dimensionErrors = new ValidationErrorList();
            var dimensions = DimensionReader.Read(RequestReader.GetArray(request, "Dimensions"), "Dimensions", dimensionErrors);
            dimensionErrors.ThrowIfAny();

            if (start >= end)
            {
                throw CloudWatchErrors.InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
            }

            var window = QueryWindow.Resolve(start, end, period, now);
            var requested = (window.End - window.RoundedStart + period - 1) / period;
            if (requested > MaxDatapoints)
            {
                // CloudWatch answers this one with InvalidParameterCombination (observed on the wire).
                throw CloudWatchErrors.InvalidParameterCombination(
                    $"You have requested up to {requested} datapoints, which exceeds the limit of {MaxDatapoints}. " +
                    "You may reduce the datapoints requested by increasing Period, or decreasing the time range.");
            }

            var key = MetricIdentity.KeyOf(metricNamespace!, metricName!, dimensions);
            var needPercentiles = hasExtended;
            var datapoints = store.Read(s =>
            {
                var collected = new List<(long Start, JsonObject Node)>();
                var series = s.Find(key);
                if (series == null) return collected;
                if (period < 60 && series.StorageResolution >= 60)
                {
                    throw CloudWatchErrors.InvalidParameterValue(StatisticRequestReader.StandardResolutionMessage("Period"));
                }
                if (window.IsEmpty) return collected;

                var aggregator = new PeriodAggregator();
                var units = unitFilter >= 0 ? new[] { (byte)unitFilter } : DistinctUnits(series);
                foreach (var unit in units)
                {
                    var sink = new DatapointSink(statistics, MetricUnits.Name(unit), collected);
                    aggregator.Run(series, window.From, window.End, period, units.Length > 1 || unitFilter >= 0 ? unit : -1,
                        descending: false, needPercentiles, int.MaxValue, sink);
                }
                return collected;
            });

            datapoints.Sort((a, b) =>
            {
                var order = Scramble(a.Start).CompareTo(Scramble(b.Start));
                return order != 0 ? order : a.Start.CompareTo(b.Start);
            });
            var list = new JsonArray();
            foreach (var datapoint in datapoints) list.Add(datapoint.Node);
            return new JsonObject { ["Label"] = metricName, ["Datapoints"] = list };
        }

        private static MetricStatistic[] ReadStatistics(JsonArray array)
        {
            if (array.Count > MaxStatistics)
            {
                throw CloudWatchErrors.InvalidParameterValue($"The collection Statistics must not have a size greater than {MaxStatistics}.");
            }
            var result = new MetricStatistic[array.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var text = array[i] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
                if (!MetricStatistic.TryParseStandard(text, out result[i]))
                {
                    throw CloudWatchErrors.InvalidParameterValue(
                        $"The parameter Statistics.member.{i + 1} must be a value in the set [ Minimum, Maximum, Average, SampleCount, Sum ].");
                }
            }
            return result;
        }

        private static MetricStatistic[] ReadExtendedStatistics(JsonArray array)
        {
            if (array.Count > MaxExtendedStatistics)
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The collection ExtendedStatistics must not have a size greater than {MaxExtendedStatistics}.");
            }
            var result = new MetricStatistic[array.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var text = array[i] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
                if (!MetricStatistic.TryParsePercentile(text, out result[i]))
                {
                    throw CloudWatchErrors.InvalidParameterValue(
                        $"The parameter ExtendedStatistics.member.{i + 1} must be a percentile between p0.0 and p100 with at most two decimal places.");
                }
            }
            return result;
        }

        private static byte[] DistinctUnits(MetricSeries series)
        {
            if (series.Units == null) return new[] { series.UniformUnit };
            var seen = new bool[MetricUnits.Names.Length];
            var units = series.Units;
            for (var i = 0; i < series.Count; i++) seen[units[i]] = true;
            var result = new List<byte>();
            for (var u = 0; u < seen.Length; u++)
            {
                if (seen[u]) result.Add((byte)u);
            }
            return result.ToArray();
        }

        private static ulong Scramble(long value)
        {
            var z = (ulong)value + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Turns each period into a Datapoint with the requested statistics.</summary>
        private sealed class DatapointSink : IPeriodSink
        {
            /// <summary>Member order of the Datapoint shape.</summary>
            private static readonly MetricStatisticKind[] OutputOrder =
            {
                MetricStatisticKind.SampleCount, MetricStatisticKind.Average, MetricStatisticKind.Sum,
                MetricStatisticKind.Minimum, MetricStatisticKind.Maximum,
            };

            private readonly MetricStatistic[] _statistics;
            private readonly string _unit;
            private readonly List<(long, JsonObject)> _output;

            public DatapointSink(MetricStatistic[] statistics, string unit, List<(long, JsonObject)> output)
            {
                _statistics = statistics;
                _unit = unit;
                _output = output;
            }

            public bool Accept(in PeriodSummary summary, double[] sortedValues, double[] sortedWeights)
            {
                var node = new JsonObject { ["Timestamp"] = JsonValue.Create(RequestReader.FromEpochSeconds(summary.Start)) };
                JsonObject? extended = null;
                var any = false;
                foreach (var kind in OutputOrder)
                {
                    foreach (var statistic in _statistics)
                    {
                        if (statistic.Kind != kind || node.ContainsKey(statistic.Name)) continue;
                        node[statistic.Name] = statistic.Evaluate(summary, sortedValues, sortedWeights);
                        any = true;
                    }
                }
                foreach (var statistic in _statistics)
                {
                    if (!statistic.IsPercentile) continue;
                    var value = statistic.Evaluate(summary, sortedValues, sortedWeights);
                    if (double.IsNaN(value)) continue;
                    extended ??= new JsonObject();
                    extended[statistic.Name] = value;
                    any = true;
                }
                if (!any) return false;
                node["Unit"] = _unit;
                if (extended != null) node["ExtendedStatistics"] = extended;
                _output.Add((summary.Start, node));
                return true;
            }
        }
    }
}
