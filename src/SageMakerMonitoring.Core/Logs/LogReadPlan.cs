using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// How a read reaches the service: one FilterLogEvents series by stream-name prefix (or the whole group), or
    /// several series by explicit stream names, at most 100 names each, whose results are merged by timestamp.
    /// </summary>
    internal sealed class LogReadPlan
    {
        private LogReadPlan(string? prefix, IReadOnlyList<IReadOnlyList<string>> nameChunks, int streamCount, bool byPrefix)
        {
            Prefix = prefix;
            NameChunks = nameChunks;
            StreamCount = streamCount;
            ByPrefix = byPrefix;
        }

        public bool ByPrefix { get; }
        public string? Prefix { get; }
        public IReadOnlyList<IReadOnlyList<string>> NameChunks { get; }
        /// <summary>Streams selected by name (0 for a prefix plan, which does not know them).</summary>
        public int StreamCount { get; }
        /// <summary>Nothing to read: no stream matched.</summary>
        public bool IsEmpty => !ByPrefix && NameChunks.Count == 0;

        public static LogReadPlan ForPrefix(string? prefix) => new LogReadPlan(prefix, Array.Empty<IReadOnlyList<string>>(), 0, true);

        /// <summary>Chunks <paramref name="streamNames"/> (already in order) into groups of at most <paramref name="maxPerCall"/>.</summary>
        public static LogReadPlan ForNames(IReadOnlyList<string> streamNames, int maxPerCall)
        {
            if (maxPerCall < 1) throw new ArgumentOutOfRangeException(nameof(maxPerCall));
            var chunks = new List<IReadOnlyList<string>>((streamNames.Count + maxPerCall - 1) / maxPerCall);
            for (var i = 0; i < streamNames.Count; i += maxPerCall)
            {
                var n = Math.Min(maxPerCall, streamNames.Count - i);
                var chunk = new string[n];
                for (var j = 0; j < n; j++) chunk[j] = streamNames[i + j];
                chunks.Add(chunk);
            }
            return new LogReadPlan(null, chunks, streamNames.Count, false);
        }
    }
}
