namespace SageMakerMonitoring.Core.Events
{
    /// <summary>One entry of a leaf array in a pattern (an exact value or an operator object), compiled.</summary>
    internal abstract class ValueMatcher
    {
        protected ValueMatcher(string description)
        {
            Description = description;
        }

        /// <summary>The pattern text this matcher came from, for explanations.</summary>
        public string Description { get; }

        /// <summary>True when the leaf value satisfies this matcher.</summary>
        public abstract bool Matches(ref LeafValue value);

        /// <summary>True when a field with no leaf value at all satisfies this matcher (only <c>{"exists": false}</c>).</summary>
        public virtual bool MatchesMissing => false;

        public override string ToString() => Description;
    }
}
