using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>A validated MetricStat query of a GetMetricData request.</summary>
    internal sealed class MetricDataQuery
    {
        public const int MaxIdLength = 255;

        private MetricDataQuery(string id, string label, bool returnData, string key, long period, MetricStatistic statistic, int unit)
        {
            Id = id;
            Label = label;
            ReturnData = returnData;
            Key = key;
            Period = period;
            Statistic = statistic;
            Unit = unit;
        }

        public string Id { get; }
        public string Label { get; }
        public bool ReturnData { get; }
        /// <summary>The metric's <see cref="MetricIdentity.Key"/>.</summary>
        public string Key { get; }
        public long Period { get; }
        public MetricStatistic Statistic { get; }
        /// <summary>Unit filter index, -1 for none.</summary>
        public int Unit { get; }

        /// <summary>Parses the request's queries; every failure is collected, as CloudWatch lists them all.</summary>
        public static List<MetricDataQuery> ReadAll(JsonArray array, ValidationErrorList errors)
        {
            var queries = new List<MetricDataQuery>(array.Count);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var prefix = $"MetricDataQueries.member.{i + 1}";
                if (array[i] is not JsonObject node)
                {
                    errors.Add(CloudWatchErrors.ValidationError($"The parameter {prefix} is invalid."));
                    continue;
                }
                var query = Read(node, prefix, ids, errors);
                if (query != null) queries.Add(query);
            }
            return queries;
        }

        private static MetricDataQuery? Read(JsonObject node, string prefix, HashSet<string> ids, ValidationErrorList errors)
        {
            var ok = true;
            void Fail(Hosting.AwsErrorException error)
            {
                errors.Add(error);
                ok = false;
            }

            var id = RequestReader.GetString(node, "Id");
            if (string.IsNullOrEmpty(id)) Fail(CloudWatchErrors.ValidationError($"The parameter {prefix}.Id is required."));
            else if (!IsValidId(id))
                Fail(CloudWatchErrors.ValidationError(
                    $"The value {id} for parameter {prefix}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$."));
            else if (!ids.Add(id))
                Fail(CloudWatchErrors.ValidationError(
                    $"The value {id} for parameter {prefix}.Id is a duplicate; each Id must be unique within the request."));

            var metricStat = RequestReader.GetObject(node, "MetricStat");
            var hasExpression = RequestReader.Has(node, "Expression");
            if (metricStat != null && hasExpression)
            {
                Fail(CloudWatchErrors.ValidationError(
                    $"The parameters {prefix}.MetricStat and {prefix}.Expression are mutually exclusive and you have specified both."));
                return null;
            }
            if (hasExpression)
            {
                Fail(CloudWatchErrors.ValidationError(
                    $"The parameter {prefix}.Expression is not supported: this CloudWatch emulator answers MetricStat queries only " +
                    "(metric math, SEARCH and Metrics Insights are unsupported)."));
                return null;
            }
            if (metricStat == null)
            {
                Fail(CloudWatchErrors.ValidationError($"The parameter {prefix}.MetricStat is required."));
                return null;
            }

            var statPrefix = $"{prefix}.MetricStat";
            var metric = RequestReader.GetObject(metricStat, "Metric");
            string? metricNamespace = null, metricName = null;
            List<KeyValuePair<string, string>>? dimensions = null;
            if (metric == null)
            {
                Fail(CloudWatchErrors.ValidationError($"The parameter {statPrefix}.Metric is required."));
            }
            else
            {
                metricNamespace = RequestReader.GetString(metric, "Namespace");
                metricName = RequestReader.GetString(metric, "MetricName");
                if (string.IsNullOrEmpty(metricNamespace)) Fail(CloudWatchErrors.ValidationError($"The parameter {statPrefix}.Metric.Namespace is required."));
                if (string.IsNullOrEmpty(metricName)) Fail(CloudWatchErrors.ValidationError($"The parameter {statPrefix}.Metric.MetricName is required."));
                var dimensionErrors = new ValidationErrorList();
                dimensions = DimensionReader.Read(RequestReader.GetArray(metric, "Dimensions"), $"{statPrefix}.Metric.Dimensions", dimensionErrors);
                if (dimensionErrors.Any)
                {
                    try { dimensionErrors.ThrowIfAny(); }
                    catch (Hosting.AwsErrorException error) { Fail(error); }
                }
            }

            long period = 0;
            if (!RequestReader.Has(metricStat, "Period"))
            {
                Fail(CloudWatchErrors.ValidationError($"The parameter {statPrefix}.Period is required."));
            }
            else if (!RequestReader.TryGetInteger(metricStat["Period"], out period) || period < 1 || !QueryWindow.IsValidPeriod(period))
            {
                Fail(CloudWatchErrors.InvalidParameterValue(StatisticRequestReader.PeriodRuleMessage($"{statPrefix}.Period")));
            }

            var statText = RequestReader.GetString(metricStat, "Stat");
            MetricStatistic statistic = default;
            if (string.IsNullOrEmpty(statText)) Fail(CloudWatchErrors.ValidationError($"The parameter {statPrefix}.Stat is required."));
            else if (!MetricStatistic.TryParse(statText, out statistic))
                Fail(CloudWatchErrors.ValidationError($"The value {statText} for parameter {statPrefix}.Stat is not a valid statistic."));

            var unit = -1;
            try
            {
                unit = StatisticRequestReader.ReadUnit(metricStat, $"{statPrefix}.Unit", CloudWatchErrors.ValidationError);
            }
            catch (Hosting.AwsErrorException error)
            {
                Fail(error);
            }

            var returnData = true;
            if (RequestReader.Has(node, "ReturnData") && RequestReader.TryGetBoolean(node["ReturnData"], out var flag)) returnData = flag;

            if (!ok) return null;
            var label = RequestReader.GetString(node, "Label");
            if (string.IsNullOrEmpty(label)) label = metricName!;
            var key = MetricIdentity.KeyOf(metricNamespace!, metricName!, dimensions!);
            return new MetricDataQuery(id!, label!, returnData, key, period, statistic, unit);
        }

        public static bool IsValidId(string id)
        {
            if (id.Length == 0 || id.Length > MaxIdLength) return false;
            if (id[0] < 'a' || id[0] > 'z') return false;
            for (var i = 1; i < id.Length; i++)
            {
                var c = id[i];
                var valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (!valid) return false;
            }
            return true;
        }
    }
}
