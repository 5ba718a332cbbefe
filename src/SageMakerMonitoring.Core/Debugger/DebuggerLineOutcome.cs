namespace SageMakerMonitoring.Core.Debugger
{
    /// <summary>What the parser made of one line.</summary>
    public enum DebuggerLineOutcome
    {
        Accepted,
        /// <summary>Blank line.</summary>
        Empty,
        /// <summary>Well-formed, but a type or dimension the module does not read (network, algorithm, …).</summary>
        UnknownType,
        /// <summary>Not JSON, a member missing or of the wrong kind, or a value out of range.</summary>
        Invalid,
    }
}
