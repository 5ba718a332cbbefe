using System;
using System.Globalization;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>Statistic names as CloudWatch spells them: SampleCount, Average, Sum, Minimum, Maximum, and percentiles p0..p100.</summary>
    public static class MetricStatistic
    {
        public static readonly string[] Standard = { "Average", "Minimum", "Maximum", "Sum", "SampleCount" };

        /// <summary>Canonical spelling of a statistic ("avg", "AVERAGE" → Average; "P99.9" → p99.9), or an InvalidStatistic error.</summary>
        public static string Normalize(string? text)
        {
            var s = (text ?? "").Trim();
            foreach (var standard in Standard)
            {
                if (string.Equals(s, standard, StringComparison.OrdinalIgnoreCase)) return standard;
            }
            switch (s.ToLowerInvariant())
            {
                case "avg": case "mean": return "Average";
                case "min": return "Minimum";
                case "max": return "Maximum";
                case "count": case "samples": return "SampleCount";
            }
            if (IsPercentile(s, out var value)) return "p" + value.ToString("0.###", CultureInfo.InvariantCulture);
            throw new MonitoringException("InvalidStatistic", ErrorKind.InvalidArgument,
                $"'{text}' is not a statistic. Use Average, Minimum, Maximum, Sum, SampleCount, or a percentile such as p50, p90, p99, p99.9.", text);
        }

        /// <summary>True for p0..p100 (decimals allowed), the percentile forms CloudWatch accepts.</summary>
        public static bool IsPercentile(string text, out double value)
        {
            value = 0;
            if (text.Length < 2 || (text[0] != 'p' && text[0] != 'P')) return false;
            return double.TryParse(text.Substring(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value >= 0 && value <= 100;
        }
    }
}
