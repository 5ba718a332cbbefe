using System;
using System.Collections.Generic;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Metrics.Publishing
{
    /// <summary>
    /// What PutMetricData accepts (CloudWatch API reference, MetricDatum and PutMetricData): values within ±2^360 and not
    /// NaN/±Infinity, timestamps no more than two weeks old nor two hours ahead, at most 30 dimensions with names of 1–255
    /// and values of 1–1,024 characters, a standard unit, storage resolution 1 or 60, and a custom namespace that does not
    /// start with "AWS/". A datum that breaks one is refused before any call, naming the datum and the rule.
    /// </summary>
    public static class MetricDatumRules
    {
        public const int MaxDimensions = 30;
        public static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);
        public static readonly TimeSpan MaxAhead = TimeSpan.FromHours(2);
        /// <summary>2^360.</summary>
        public static readonly double MaxMagnitude = Math.Pow(2, 360);

        public static readonly IReadOnlyList<string> Units = new[]
        {
            "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits",
            "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
            "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
            "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
        };

        private static readonly HashSet<string> UnitSet = new HashSet<string>(Units, StringComparer.Ordinal);

        /// <summary>The namespace rule alone, for checking a -Namespace argument before any datum arrives.</summary>
        public static MonitoringException? CheckNamespace(string? metricNamespace)
        {
            var ns = metricNamespace ?? "";
            string? problem = null;
            if (ns.Length == 0 || ns.Length > 255) problem = "must be 1 to 255 characters";
            else if (ns.StartsWith("AWS/", StringComparison.Ordinal)) problem = "must not start with AWS/ (reserved for AWS services)";
            else if (!IsPrintableAscii(ns)) problem = "must be printable ASCII without control characters";
            else if (ns.Trim().Length != ns.Length) problem = "must not start or end with white space";
            return problem is null ? null : new MonitoringException("InvalidMetricNamespace", ErrorKind.InvalidArgument,
                "The namespace '" + Shorten(ns) + "' " + problem + ".", ns)
            { RecommendedAction = "Use a custom namespace such as MyTeam/SageMaker." };
        }

        /// <summary>Null when CloudWatch would take the datum, else an InvalidMetricDatum error that names it.</summary>
        public static MonitoringException? Check(MetricWriteDatum datum, DateTime nowUtc)
        {
            var nsError = CheckNamespace(datum.Namespace);
            if (nsError != null) return nsError;
            string? problem = null;
            if (datum.MetricName.Length == 0 || datum.MetricName.Length > 255) problem = "the metric name must be 1 to 255 characters";
            else if (double.IsNaN(datum.Value) || double.IsInfinity(datum.Value)) problem = "NaN and ±Infinity are not accepted";
            else if (Math.Abs(datum.Value) > MaxMagnitude) problem = "values must lie within ±2^360";
            else if (double.IsNaN(datum.Count) || double.IsInfinity(datum.Count) || datum.Count <= 0) problem = "the count must be a positive number";
            else if (datum.Timestamp < nowUtc - MaxAge) problem = "the timestamp is more than two weeks old";
            else if (datum.Timestamp > nowUtc + MaxAhead) problem = "the timestamp is more than two hours ahead";
            else if (datum.Unit != null && !UnitSet.Contains(datum.Unit)) problem = "'" + datum.Unit + "' is not a CloudWatch unit (" + string.Join(", ", Units) + ")";
            else if (datum.StorageResolution != 1 && datum.StorageResolution != 60) problem = "the storage resolution must be 1 or 60";
            else if (datum.Dimensions.Count > MaxDimensions) problem = "at most " + MaxDimensions + " dimensions are accepted";
            else
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var d in datum.Dimensions)
                {
                    if (string.IsNullOrEmpty(d.Name) || d.Name.Length > 255) { problem = "dimension names must be 1 to 255 characters"; break; }
                    if (string.IsNullOrEmpty(d.Value) || d.Value.Length > 1024) { problem = "the value of dimension '" + d.Name + "' must be 1 to 1,024 characters"; break; }
                    if (!names.Add(d.Name)) { problem = "dimension '" + d.Name + "' is given twice"; break; }
                }
            }
            return problem is null ? null : new MonitoringException("InvalidMetricDatum", ErrorKind.InvalidArgument,
                "CloudWatch would refuse " + Shorten(datum.ToString()) + ": " + problem + ".", datum)
            { RecommendedAction = "Correct or drop this datapoint; the others are still published." };
        }

        private static bool IsPrintableAscii(string s)
        {
            foreach (var c in s) if (c < 0x20 || c > 0x7E) return false;
            return true;
        }

        private static string Shorten(string s) => s.Length <= 300 ? s : s.Substring(0, 300) + "…";
    }
}
