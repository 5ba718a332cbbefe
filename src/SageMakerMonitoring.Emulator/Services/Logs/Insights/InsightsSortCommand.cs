using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary><c>sort a desc, b asc</c> (ascending by default).</summary>
    internal sealed class InsightsSortCommand : InsightsCommand
    {
        public InsightsSortCommand(IReadOnlyList<KeyValuePair<string, bool>> keys)
        {
            Keys = keys;
        }

        /// <summary>Field name and whether it sorts descending.</summary>
        public IReadOnlyList<KeyValuePair<string, bool>> Keys { get; }
    }
}
