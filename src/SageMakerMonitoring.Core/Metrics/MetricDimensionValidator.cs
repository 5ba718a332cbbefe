using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>
    /// Checks user-given dimensions against what CloudWatch accepts (botocore's cloudwatch model: DimensionName 1–255
    /// characters, DimensionValue 1–1024, at most 30 dimensions on a metric, at most 10 DimensionFilters in ListMetrics)
    /// before any call, so a bad entry is one <c>InvalidDimension</c> error (InvalidArgument) naming the entry.
    /// </summary>
    public static class MetricDimensionValidator
    {
        public const int MaxNameLength = 255;
        public const int MaxValueLength = 1024;
        public const int MaxDimensions = 30;
        public const int MaxListFilters = 10;

        /// <summary>
        /// The dimensions of <paramref name="entries"/> (name → value, as a hashtable holds them), or an
        /// <c>InvalidDimension</c> <see cref="MonitoringException"/>. With <paramref name="listedAsFilters"/> (no metric
        /// name given, so the metrics are first listed with these dimensions as filters) at most 10 are allowed.
        /// </summary>
        public static IReadOnlyList<MetricDimension> Validate(IEnumerable<KeyValuePair<object?, object?>> entries, bool listedAsFilters, string parameterName = "Dimension")
        {
            var result = new List<MetricDimension>();
            foreach (var entry in entries)
            {
                var name = entry.Key is null ? null : Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name))
                    throw Invalid(parameterName, $"-{parameterName} has an entry with an empty name. Every dimension needs a name of 1 to {MaxNameLength} characters.", name ?? "");
                if (name!.Length > MaxNameLength)
                    throw Invalid(parameterName, $"-{parameterName} name '{Shorten(name)}' is {name.Length} characters long; CloudWatch allows 1 to {MaxNameLength}.", name);
                var raw = entry.Value;
                if (raw is IEnumerable && !(raw is string))
                    throw Invalid(parameterName, $"-{parameterName} '{name}' has several values; a dimension has exactly one value (one hashtable entry per name).", name);
                var value = raw is null ? null : Convert.ToString(raw, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(value))
                    throw Invalid(parameterName, $"-{parameterName} '{name}' has no value. Every dimension needs a value of 1 to {MaxValueLength} characters.", name);
                if (value!.Length > MaxValueLength)
                    throw Invalid(parameterName, $"-{parameterName} '{name}' has a value of {value.Length} characters; CloudWatch allows 1 to {MaxValueLength}.", name);
                result.Add(new MetricDimension(name, value));
            }
            if (result.Count > MaxDimensions)
                throw Invalid(parameterName, $"-{parameterName} has {result.Count} entries; a CloudWatch metric has at most {MaxDimensions} dimensions.", result.Count);
            if (listedAsFilters && result.Count > MaxListFilters)
                throw Invalid(parameterName, $"-{parameterName} has {result.Count} entries; without -MetricName the metrics are listed with them as filters, and CloudWatch's ListMetrics takes at most {MaxListFilters}. Give -MetricName as well.", result.Count);
            return result;
        }

        private static MonitoringException Invalid(string parameterName, string message, object target) =>
            new MonitoringException("InvalidDimension", ErrorKind.InvalidArgument, message, target)
            {
                RecommendedAction = $"Give -{parameterName} as @{{ Name = 'Value' }} with names of 1-{MaxNameLength} and values of 1-{MaxValueLength} characters, at most {MaxDimensions} of them.",
            };

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
