using System;
using System.Collections.Generic;
using System.Text;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// What makes a metric unique in CloudWatch: namespace, name and the full dimension set (order-insensitive;
    /// dimensions are kept sorted by name). <see cref="Key"/> is the canonical string used for lookups and ordering.
    /// </summary>
    internal sealed class MetricIdentity
    {
        private MetricIdentity(string metricNamespace, string metricName, KeyValuePair<string, string>[] dimensions, string key)
        {
            Namespace = metricNamespace;
            MetricName = metricName;
            Dimensions = dimensions;
            Key = key;
        }

        public string Namespace { get; }
        public string MetricName { get; }
        public KeyValuePair<string, string>[] Dimensions { get; }
        public string Key { get; }

        /// <summary>Builds an identity; dimension names must be unique (callers validate).</summary>
        public static MetricIdentity Create(string metricNamespace, string metricName, IReadOnlyList<KeyValuePair<string, string>> dimensions)
        {
            var sorted = new KeyValuePair<string, string>[dimensions.Count];
            for (var i = 0; i < sorted.Length; i++) sorted[i] = dimensions[i];
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return new MetricIdentity(metricNamespace, metricName, sorted, BuildKey(metricNamespace, metricName, sorted));
        }

        public static MetricIdentity Create(string metricNamespace, string metricName, params (string Name, string Value)[] dimensions)
        {
            var list = new KeyValuePair<string, string>[dimensions.Length];
            for (var i = 0; i < list.Length; i++) list[i] = new KeyValuePair<string, string>(dimensions[i].Name, dimensions[i].Value);
            return Create(metricNamespace, metricName, list);
        }

        /// <summary>The lookup key for a dimension set in any order (sorted here without building an identity).</summary>
        public static string KeyOf(string metricNamespace, string metricName, IReadOnlyList<KeyValuePair<string, string>> dimensions)
        {
            var sorted = new KeyValuePair<string, string>[dimensions.Count];
            for (var i = 0; i < sorted.Length; i++) sorted[i] = dimensions[i];
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return BuildKey(metricNamespace, metricName, sorted);
        }

        private static string BuildKey(string metricNamespace, string metricName, KeyValuePair<string, string>[] sorted)
        {
            var builder = new StringBuilder(metricNamespace.Length + metricName.Length + 32 * sorted.Length + 2);
            builder.Append(metricNamespace).Append('\u0001').Append(metricName);
            foreach (var dimension in sorted)
            {
                builder.Append('\u0001').Append(dimension.Key).Append('\u0002').Append(dimension.Value);
            }
            return builder.ToString();
        }

        public string? DimensionValue(string name)
        {
            foreach (var dimension in Dimensions)
            {
                if (string.Equals(dimension.Key, name, StringComparison.Ordinal)) return dimension.Value;
            }
            return null;
        }

        public override string ToString() => Key.Replace('\u0001', '|').Replace('\u0002', '=');
    }
}
