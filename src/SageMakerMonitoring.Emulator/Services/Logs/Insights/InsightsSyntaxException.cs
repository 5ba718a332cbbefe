using System;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>A query that does not compile; carries the character range for queryCompileError.</summary>
    internal sealed class InsightsSyntaxException : Exception
    {
        public InsightsSyntaxException(string message, int start, int end)
            : base(message)
        {
            Start = start;
            End = end;
        }

        public int Start { get; }
        public int End { get; }
    }
}
