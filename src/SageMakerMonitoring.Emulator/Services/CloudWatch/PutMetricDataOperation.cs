using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// PutMetricData: validates the whole request first (nothing is stored when any datum is invalid), then stores
    /// each datum's value, values with counts, or statistic set. Limits: 1,000 metrics per request (MetricData plus
    /// EntityMetricData), 150 values per datum, 30 dimensions, timestamps at most two weeks old and two hours ahead,
    /// values finite and within ±2^360, StorageResolution 1 or 60, Unit from the StandardUnit set.
    /// </summary>
    internal static class PutMetricDataOperation
    {
        public const int MaxMetrics = 1000;
        public const int MaxValues = 150;
        public const int MaxEntities = 2;
        private const long TwoWeeks = 14 * 86400;
        private const long TwoHours = 2 * 3600;
        private static readonly double MaxMagnitude = Math.Pow(2, 360);

        public static void Execute(MetricStore store, JsonObject request, double now)
        {
            var metricNamespace = RequestReader.GetString(request, "Namespace");
            if (string.IsNullOrEmpty(metricNamespace)) throw CloudWatchErrors.MissingParameter("The parameter Namespace is required.");
            if (!DimensionReader.IsValidText(metricNamespace, 255) || metricNamespace.StartsWith(":", StringComparison.Ordinal)
                || metricNamespace.StartsWith("AWS/", StringComparison.Ordinal))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The value {metricNamespace} for parameter Namespace is invalid.");
            }

            var members = new List<(JsonNode? Node, string Prefix)>();
            var metricData = RequestReader.GetArray(request, "MetricData");
            if (metricData != null)
            {
                for (var i = 0; i < metricData.Count; i++) members.Add((metricData[i], $"MetricData.member.{i + 1}"));
            }
            var entityData = RequestReader.GetArray(request, "EntityMetricData");
            if (entityData != null)
            {
                if (entityData.Count > MaxEntities)
                {
                    throw CloudWatchErrors.InvalidParameterValue(
                        $"The collection EntityMetricData must not have a size greater than {MaxEntities}.");
                }
                for (var j = 0; j < entityData.Count; j++)
                {
                    if (entityData[j] is not JsonObject entity) continue;
                    var entityMetrics = RequestReader.GetArray(entity, "MetricData");
                    if (entityMetrics == null) continue;
                    for (var k = 0; k < entityMetrics.Count; k++)
                    {
                        members.Add((entityMetrics[k], $"EntityMetricData.member.{j + 1}.MetricData.member.{k + 1}"));
                    }
                }
            }
            if (members.Count == 0) throw CloudWatchErrors.MissingParameter("The parameter MetricData is required.");
            if (members.Count > MaxMetrics)
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The collection MetricData must not have a size greater than {MaxMetrics}.");
            }

            var errors = new ValidationErrorList();
            var accepted = new List<PendingDatum>(members.Count);
            foreach (var (node, prefix) in members)
            {
                var datum = Parse(node, prefix, metricNamespace, now, errors);
                if (datum != null) accepted.Add(datum);
            }
            errors.ThrowIfAny();

            store.Write(s =>
            {
                foreach (var datum in accepted)
                {
                    var series = s.GetOrCreate(datum.Identity, datum.StorageResolution);
                    datum.StoreInto(series);
                }
            });
        }

        private static PendingDatum? Parse(JsonNode? node, string prefix, string metricNamespace, double now, ValidationErrorList errors)
        {
            if (node is not JsonObject datum)
            {
                errors.Add(CloudWatchErrors.InvalidParameterValue($"The parameter {prefix} is invalid."));
                return null;
            }
            var failed = false;
            void Fail(Hosting.AwsErrorException error)
            {
                errors.Add(error);
                failed = true;
            }

            var metricName = RequestReader.GetString(datum, "MetricName");
            if (string.IsNullOrEmpty(metricName)) Fail(CloudWatchErrors.MissingParameter($"The parameter {prefix}.MetricName is required."));
            else if (!DimensionReader.IsValidText(metricName, 255))
                Fail(CloudWatchErrors.InvalidParameterValue($"The value {metricName} for parameter {prefix}.MetricName is invalid."));

            var dimensionErrors = new ValidationErrorList();
            var dimensions = DimensionReader.Read(RequestReader.GetArray(datum, "Dimensions"), $"{prefix}.Dimensions", dimensionErrors);
            if (dimensionErrors.Any)
            {
                try { dimensionErrors.ThrowIfAny(); }
                catch (Hosting.AwsErrorException error) { Fail(error); }
            }

            var hasValue = RequestReader.Has(datum, "Value");
            var valuesArray = RequestReader.GetArray(datum, "Values");
            var hasValues = valuesArray != null && valuesArray.Count > 0;
            var statistics = RequestReader.GetObject(datum, "StatisticValues");
            var hasStatistics = statistics != null;

            var pending = new PendingDatum();
            if (hasValue && hasValues)
            {
                Fail(CloudWatchErrors.InvalidParameterCombination(
                    $"The parameters {prefix}.Value and {prefix}.Values are mutually exclusive and you have specified both."));
            }
            else if (hasStatistics && (hasValue || hasValues))
            {
                var other = hasValue ? "Value" : "Values";
                Fail(CloudWatchErrors.InvalidParameterCombination(
                    $"The parameters {prefix}.{other} and {prefix}.StatisticValues are mutually exclusive and you have specified both."));
            }
            else if (!hasValue && !hasValues && !hasStatistics)
            {
                Fail(CloudWatchErrors.MissingParameter(
                    $"At least one of the parameters {prefix}.Value, {prefix}.Values or {prefix}.StatisticValues must be specified."));
            }
            else if (hasValue)
            {
                if (ReadValue(datum["Value"], $"{prefix}.Value", errors, out var value)) pending.Value = value;
                else failed = true;
            }
            else if (hasValues)
            {
                if (valuesArray!.Count > MaxValues)
                {
                    Fail(CloudWatchErrors.InvalidParameterValue(
                        $"The collection {prefix}.Values must not have a size greater than {MaxValues}."));
                }
                else
                {
                    var values = new double[valuesArray.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        if (!ReadValue(valuesArray[i], $"{prefix}.Values.member.{i + 1}", errors, out values[i])) failed = true;
                    }
                    pending.Values = values;
                    var countsArray = RequestReader.GetArray(datum, "Counts");
                    if (countsArray != null && countsArray.Count > 0)
                    {
                        if (countsArray.Count != values.Length)
                        {
                            Fail(CloudWatchErrors.InvalidParameterValue(
                                $"The parameters {prefix}.Values and {prefix}.Counts must be of the same size."));
                        }
                        else
                        {
                            var counts = new double[values.Length];
                            for (var i = 0; i < counts.Length; i++)
                            {
                                var member = $"{prefix}.Counts.member.{i + 1}";
                                if (!ReadValue(countsArray[i], member, errors, out counts[i])) failed = true;
                                else if (counts[i] < 0)
                                    Fail(CloudWatchErrors.InvalidParameterValue(
                                        $"The value {Format(counts[i])} for parameter {member} is invalid."));
                            }
                            pending.Counts = counts;
                        }
                    }
                }
            }
            else
            {
                var set = new double[4];
                var names = new[] { "SampleCount", "Sum", "Minimum", "Maximum" };
                for (var i = 0; i < names.Length; i++)
                {
                    var member = $"{prefix}.StatisticValues.{names[i]}";
                    if (!RequestReader.Has(statistics!, names[i])) Fail(CloudWatchErrors.MissingParameter($"The parameter {member} is required."));
                    else if (!ReadValue(statistics![names[i]], member, errors, out set[i])) failed = true;
                }
                if (!failed)
                {
                    if (set[0] <= 0)
                        Fail(CloudWatchErrors.InvalidParameterValue(
                            $"The value {Format(set[0])} for parameter {prefix}.StatisticValues.SampleCount is invalid."));
                    else if (set[2] > set[3])
                        Fail(CloudWatchErrors.InvalidParameterValue(
                            $"The parameter {prefix}.StatisticValues.Minimum must not be greater than {prefix}.StatisticValues.Maximum."));
                }
                pending.StatisticSet = set;
            }

            pending.Timestamp = (long)Math.Floor(now);
            if (RequestReader.Has(datum, "Timestamp"))
            {
                if (!RequestReader.TryGetEpochSeconds(datum["Timestamp"], out var timestamp))
                {
                    Fail(CloudWatchErrors.InvalidParameterValue($"The parameter {prefix}.Timestamp is not a valid timestamp."));
                }
                else if (now - timestamp > TwoWeeks)
                {
                    Fail(CloudWatchErrors.InvalidParameterValue(
                        $"The parameter {prefix}.Timestamp must specify a time within the past two weeks."));
                }
                else if (timestamp - now > TwoHours)
                {
                    Fail(CloudWatchErrors.InvalidParameterValue(
                        $"The parameter {prefix}.Timestamp must specify a time no more than two hours in the future."));
                }
                else
                {
                    pending.Timestamp = (long)Math.Floor(timestamp);
                }
            }

            pending.Unit = MetricUnits.None;
            var unitText = RequestReader.GetString(datum, "Unit");
            if (unitText != null)
            {
                if (MetricUnits.TryParse(unitText, out var unit)) pending.Unit = unit;
                else Fail(CloudWatchErrors.InvalidParameterValue(
                    $"The parameter {prefix}.Unit must be a value in the set {MetricUnits.ValueSet}."));
            }

            pending.StorageResolution = 60;
            if (RequestReader.Has(datum, "StorageResolution"))
            {
                if (RequestReader.TryGetInteger(datum["StorageResolution"], out var resolution) && (resolution == 1 || resolution == 60))
                {
                    pending.StorageResolution = (int)resolution;
                }
                else
                {
                    Fail(CloudWatchErrors.InvalidParameterValue(
                        $"The value {RequestReader.GetString(datum, "StorageResolution")} for parameter {prefix}.StorageResolution is invalid; it must be 1 or 60."));
                }
            }

            if (failed) return null;
            pending.Identity = MetricIdentity.Create(metricNamespace, metricName!, dimensions);
            return pending;
        }

        private static bool ReadValue(JsonNode? node, string member, ValidationErrorList errors, out double value)
        {
            if (!RequestReader.TryGetDouble(node, out value))
            {
                var text = node is JsonValue v ? (v.TryGetValue(out string? s) ? s : v.ToJsonString()) : "null";
                errors.Add(CloudWatchErrors.InvalidParameterValue($"The value {text} for parameter {member} is invalid."));
                return false;
            }
            if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > MaxMagnitude)
            {
                errors.Add(CloudWatchErrors.InvalidParameterValue($"The value {Format(value)} for parameter {member} is invalid."));
                return false;
            }
            return true;
        }

        private static string Format(double value)
        {
            if (double.IsNaN(value)) return "NaN";
            if (double.IsPositiveInfinity(value)) return "Infinity";
            if (double.IsNegativeInfinity(value)) return "-Infinity";
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        /// <summary>A validated datum waiting to be stored.</summary>
        private sealed class PendingDatum
        {
            public MetricIdentity Identity = null!;
            public long Timestamp;
            public int StorageResolution;
            public byte Unit;
            public double Value;
            public double[]? Values;
            public double[]? Counts;
            public double[]? StatisticSet;

            public void StoreInto(MetricSeries series)
            {
                if (StatisticSet != null)
                {
                    series.AddStatisticSet(Timestamp, StatisticSet[0], StatisticSet[1], StatisticSet[2], StatisticSet[3], Unit);
                }
                else if (Values != null)
                {
                    for (var i = 0; i < Values.Length; i++)
                    {
                        var count = Counts != null ? Counts[i] : 1.0;
                        if (count > 0) series.Add(Timestamp, Values[i], count, Unit);
                    }
                }
                else
                {
                    series.Add(Timestamp, Value, 1.0, Unit);
                }
            }
        }
    }
}
