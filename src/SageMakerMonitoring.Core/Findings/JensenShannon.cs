using System;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// Jensen–Shannon divergence of two histograms (each normalised to a probability distribution), natural logarithm,
    /// as scipy.spatial.distance.jensenshannon computes it; Debugger's LoadBalancing rule compares the square root of it
    /// (the Jensen–Shannon distance, 0 for identical distributions, at most √ln 2 ≈ 0.833) with its threshold.
    /// </summary>
    public static class JensenShannon
    {
        public static double Divergence(long[] p, long[] q)
        {
            if (p.Length != q.Length) throw new ArgumentException("Histograms need the same bins.");
            double sp = 0, sq = 0;
            for (var i = 0; i < p.Length; i++) { sp += p[i]; sq += q[i]; }
            if (sp <= 0 || sq <= 0) throw new ArgumentException("A histogram is empty.");
            double js = 0;
            for (var i = 0; i < p.Length; i++)
            {
                var a = p[i] / sp;
                var b = q[i] / sq;
                var m = (a + b) / 2;
                if (a > 0) js += 0.5 * a * Math.Log(a / m);
                if (b > 0) js += 0.5 * b * Math.Log(b / m);
            }
            return Math.Max(0, js);
        }

        public static double Distance(long[] p, long[] q) => Math.Sqrt(Divergence(p, q));
    }
}
