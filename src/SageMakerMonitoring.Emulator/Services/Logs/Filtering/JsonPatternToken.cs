using System;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>A token inside <c>{ ... }</c>: punctuation, operator, selector, keyword or value.</summary>
    internal readonly struct JsonPatternToken
    {
        public JsonPatternToken(string text, bool quoted, bool isOperator)
        {
            Text = text;
            Quoted = quoted;
            IsOperator = isOperator;
        }

        public string Text { get; }
        public bool Quoted { get; }
        public bool IsOperator { get; }

        public bool Is(string punctuation) => !Quoted && Text == punctuation;

        public bool IsKeyword(string keyword) => !Quoted && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }
}
