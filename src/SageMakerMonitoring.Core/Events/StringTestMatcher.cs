namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// <c>equals-ignore-case</c>, <c>prefix</c>, <c>suffix</c> (optionally with <c>equals-ignore-case</c> inside) and
    /// <c>wildcard</c>: these apply to string values only; numbers, booleans and null never match.
    /// </summary>
    internal sealed class StringTestMatcher : ValueMatcher
    {
        private readonly StringTest _test;

        public StringTestMatcher(StringTest test, string description) : base(description)
        {
            _test = test;
        }

        public override bool Matches(ref LeafValue value) => value.IsString && _test.IsSatisfiedBy(value.Text);
    }
}
