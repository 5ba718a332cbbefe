using System;
using System.Globalization;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// A statistic to compute per period: SampleCount, Sum, Average, Minimum, Maximum, or a percentile
    /// <c>pNN</c> / <c>pNN.N</c> / <c>pNN.NN</c> (0 to 100).
    /// Percentiles use the nearest-rank method over the period's values weighted by their counts: the smallest
    /// value whose cumulative count reaches ceil(P/100 × N), with p0 the minimum. They are unavailable (no value)
    /// when a value in the period is negative or a statistic set in it has Minimum ≠ Maximum.
    /// </summary>
    internal readonly struct MetricStatistic
    {
        private MetricStatistic(MetricStatisticKind kind, double percentile, string name)
        {
            Kind = kind;
            Percentile = percentile;
            Name = name;
        }

        public MetricStatisticKind Kind { get; }
        public double Percentile { get; }
        public string Name { get; }
        public bool IsPercentile => Kind == MetricStatisticKind.Percentile;

        public static bool TryParseStandard(string? text, out MetricStatistic statistic)
        {
            statistic = default;
            switch (text)
            {
                case "SampleCount": statistic = new MetricStatistic(MetricStatisticKind.SampleCount, 0, text); return true;
                case "Sum": statistic = new MetricStatistic(MetricStatisticKind.Sum, 0, text); return true;
                case "Average": statistic = new MetricStatistic(MetricStatisticKind.Average, 0, text); return true;
                case "Minimum": statistic = new MetricStatistic(MetricStatisticKind.Minimum, 0, text); return true;
                case "Maximum": statistic = new MetricStatistic(MetricStatisticKind.Maximum, 0, text); return true;
                default: return false;
            }
        }

        public static bool TryParsePercentile(string? text, out MetricStatistic statistic)
        {
            statistic = default;
            if (text == null || text.Length < 2 || text[0] != 'p') return false;
            var number = text.Substring(1);
            var dot = number.IndexOf('.');
            var whole = dot < 0 ? number : number.Substring(0, dot);
            var fraction = dot < 0 ? "" : number.Substring(dot + 1);
            if (whole.Length == 0 || whole.Length > 3 || (dot >= 0 && (fraction.Length == 0 || fraction.Length > 2))) return false;
            foreach (var c in number)
            {
                if (c != '.' && (c < '0' || c > '9')) return false;
            }
            var value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (value > 100) return false;
            statistic = new MetricStatistic(MetricStatisticKind.Percentile, value, text);
            return true;
        }

        public static bool TryParse(string? text, out MetricStatistic statistic) =>
            TryParseStandard(text, out statistic) || TryParsePercentile(text, out statistic);

        /// <summary>The statistic's value for one period, or NaN when it cannot be computed (percentile unavailable).</summary>
        public double Evaluate(in PeriodSummary summary, double[] sortedValues, double[] sortedWeights)
        {
            switch (Kind)
            {
                case MetricStatisticKind.SampleCount: return summary.SampleCount;
                case MetricStatisticKind.Sum: return summary.Sum;
                case MetricStatisticKind.Average: return summary.SampleCount > 0 ? summary.Sum / summary.SampleCount : 0;
                case MetricStatisticKind.Minimum: return summary.Minimum;
                case MetricStatisticKind.Maximum: return summary.Maximum;
                default: return NearestRank(summary, sortedValues, sortedWeights, Percentile);
            }
        }

        private static double NearestRank(in PeriodSummary summary, double[] values, double[] weights, double percentile)
        {
            if (!summary.PercentilesAvailable || summary.ValueCount == 0) return double.NaN;
            var total = 0.0;
            for (var i = 0; i < summary.ValueCount; i++) total += weights[i];
            if (total <= 0) return double.NaN;
            var rank = Math.Max(1.0, Math.Ceiling(percentile / 100.0 * total - 1e-9));
            var cumulative = 0.0;
            for (var i = 0; i < summary.ValueCount; i++)
            {
                cumulative += weights[i];
                if (cumulative >= rank - 1e-9) return values[i];
            }
            return values[summary.ValueCount - 1];
        }

        public override string ToString() => Name;
    }
}
