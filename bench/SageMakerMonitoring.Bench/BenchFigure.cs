using System.Globalization;

namespace SageMakerMonitoring.Bench
{
    /// <summary>One measured figure and the baseline measured in the same run, printed in the conventions' format.</summary>
    public sealed record BenchFigure(string Name, double Value, double Baseline, string Unit)
    {
        public double Ratio => Baseline > 0 ? Value / Baseline : 0;

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "bench {0}: {1:0} {4} (baseline {2:0} {4}, ratio {3:0.00})", Name, Value, Baseline, Ratio, Unit);
    }
}
