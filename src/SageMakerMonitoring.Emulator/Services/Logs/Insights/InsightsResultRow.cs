using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>A row produced by <c>stats</c>: group-by values and aggregates by name.</summary>
    internal sealed class InsightsResultRow : IInsightsRow
    {
        public InsightsResultRow()
        {
        }

        public Dictionary<string, object?> Values { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        public object? GetField(string name) => Values.TryGetValue(name, out object? value) ? value : null;
    }
}
