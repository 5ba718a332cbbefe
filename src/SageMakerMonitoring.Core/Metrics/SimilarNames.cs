using System;
using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>Ranks names by how close they are to one a user typed (edit distance, shared prefix, containment).</summary>
    public static class SimilarNames
    {
        public static IReadOnlyList<string> Rank(string target, IEnumerable<string> candidates, int max = 5)
        {
            var t = target.ToLowerInvariant();
            return candidates
                .Where(c => !string.IsNullOrEmpty(c))
                .Distinct(StringComparer.Ordinal)
                .Select(c => (Name: c, Score: Score(t, c.ToLowerInvariant())))
                .Where(x => x.Score <= 0.75)
                .OrderBy(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal)
                .Take(max)
                .Select(x => x.Name)
                .ToList();
        }

        /// <summary>0 = identical, 1 = nothing in common.</summary>
        internal static double Score(string a, string b)
        {
            if (a == b) return 0;
            var distance = Distance(a, b) / (double)Math.Max(a.Length, b.Length);
            if (a.Length >= 3 && b.Length >= 3 && (a.Contains(b) || b.Contains(a))) distance = Math.Min(distance, 0.3);
            var prefix = 0;
            while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
            if (prefix >= 4) distance = Math.Min(distance, 0.5 - Math.Min(0.2, prefix / 100.0));
            return distance;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }
    }
}
