using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    internal sealed class InsightsStatsCommand : InsightsCommand
    {
        public InsightsStatsCommand(IReadOnlyList<InsightsAggregation> aggregations, IReadOnlyList<InsightsGrouping> groupings)
        {
            Aggregations = aggregations;
            Groupings = groupings;
        }

        public IReadOnlyList<InsightsAggregation> Aggregations { get; }
        public IReadOnlyList<InsightsGrouping> Groupings { get; }
    }
}
