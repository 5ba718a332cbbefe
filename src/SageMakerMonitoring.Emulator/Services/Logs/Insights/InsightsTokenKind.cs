namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    internal enum InsightsTokenKind
    {
        /// <summary>Field name or keyword (also <c>@message</c>, <c>a.b</c>, backquoted names).</summary>
        Identifier,
        Number,
        /// <summary>A number with a unit, as in <c>bin(5m)</c>.</summary>
        Duration,
        String,
        /// <summary><c>/.../</c></summary>
        Regex,
        /// <summary>Punctuation and operators: <c>( ) , | * = != &lt; &lt;= &gt; &gt;=</c>.</summary>
        Symbol,
    }
}
