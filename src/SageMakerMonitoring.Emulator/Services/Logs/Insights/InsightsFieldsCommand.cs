using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary><c>fields a, b</c> or <c>display a, b</c>: which fields the results show.</summary>
    internal sealed class InsightsFieldsCommand : InsightsCommand
    {
        public InsightsFieldsCommand(IReadOnlyList<string> names, bool isDisplay)
        {
            Names = names;
            IsDisplay = isDisplay;
        }

        public IReadOnlyList<string> Names { get; }
        public bool IsDisplay { get; }
    }
}
