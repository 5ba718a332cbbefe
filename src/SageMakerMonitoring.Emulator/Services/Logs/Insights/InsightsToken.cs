using System;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    internal readonly struct InsightsToken
    {
        public InsightsToken(InsightsTokenKind kind, string text, int start, int end)
        {
            Kind = kind;
            Text = text;
            Start = start;
            End = end;
        }

        public InsightsTokenKind Kind { get; }
        public string Text { get; }
        public int Start { get; }
        public int End { get; }

        public bool IsSymbol(string symbol) => Kind == InsightsTokenKind.Symbol && Text == symbol;

        public bool IsKeyword(string keyword) => Kind == InsightsTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }
}
