using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>A compiled Logs Insights query: its commands in order.</summary>
    internal sealed class InsightsQuery
    {
        public InsightsQuery(string text, IReadOnlyList<InsightsCommand> commands)
        {
            Text = text;
            Commands = commands;
        }

        public string Text { get; }
        public IReadOnlyList<InsightsCommand> Commands { get; }
    }
}
