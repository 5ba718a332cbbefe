namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// <c>{"exists": true|false}</c>: whether the field has a leaf value in the event. A field whose value is an object
    /// (an intermediate node) or an empty array has no leaf value, so it "does not exist" for this operator; a field whose
    /// value is <c>null</c> does exist.
    /// </summary>
    internal sealed class ExistsMatcher : ValueMatcher
    {
        private readonly bool _exists;

        public ExistsMatcher(bool exists, string description) : base(description)
        {
            _exists = exists;
        }

        public override bool Matches(ref LeafValue value) => _exists;

        public override bool MatchesMissing => !_exists;
    }
}
