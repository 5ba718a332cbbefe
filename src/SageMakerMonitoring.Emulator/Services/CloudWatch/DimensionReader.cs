using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>Reads and validates a request's Dimensions list (name/value pairs of a metric).</summary>
    internal static class DimensionReader
    {
        public const int MaxDimensions = 30;

        /// <param name="prefix">Parameter path of the list, e.g. "MetricData.member.1.Dimensions".</param>
        public static List<KeyValuePair<string, string>> Read(JsonArray? array, string prefix, ValidationErrorList errors)
        {
            var result = new List<KeyValuePair<string, string>>(array?.Count ?? 0);
            if (array == null) return result;
            if (array.Count > MaxDimensions)
            {
                errors.Add(CloudWatchErrors.InvalidParameterValue(
                    $"The collection {prefix} must not have a size greater than {MaxDimensions}."));
                return result;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var member = $"{prefix}.member.{i + 1}";
                if (array[i] is not JsonObject dimension)
                {
                    errors.Add(CloudWatchErrors.InvalidParameterValue($"The parameter {member} is invalid."));
                    continue;
                }
                var name = RequestReader.GetString(dimension, "Name");
                var value = RequestReader.GetString(dimension, "Value");
                if (string.IsNullOrEmpty(name))
                {
                    errors.Add(CloudWatchErrors.MissingParameter($"The parameter {member}.Name is required."));
                    continue;
                }
                if (string.IsNullOrEmpty(value))
                {
                    errors.Add(CloudWatchErrors.MissingParameter($"The parameter {member}.Value is required."));
                    continue;
                }
                if (!IsValidText(name, 255) || name.StartsWith(":", StringComparison.Ordinal))
                {
                    errors.Add(CloudWatchErrors.InvalidParameterValue($"The value {name} for parameter {member}.Name is invalid."));
                    continue;
                }
                if (!IsValidText(value, 1024))
                {
                    errors.Add(CloudWatchErrors.InvalidParameterValue($"The value {value} for parameter {member}.Value is invalid."));
                    continue;
                }
                if (!seen.Add(name))
                {
                    errors.Add(CloudWatchErrors.InvalidParameterValue(
                        $"The value {name} for parameter {member}.Name is a duplicate; each dimension name may appear once."));
                    continue;
                }
                result.Add(new KeyValuePair<string, string>(name, value));
            }
            return result;
        }

        /// <summary>1..maxLength printable ASCII characters, not all whitespace.</summary>
        public static bool IsValidText(string text, int maxLength)
        {
            if (text.Length == 0 || text.Length > maxLength) return false;
            var allWhitespace = true;
            foreach (var c in text)
            {
                if (c < 0x20 || c > 0x7E) return false;
                if (c != ' ') allWhitespace = false;
            }
            return !allWhitespace;
        }
    }
}
