namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// <c>anything-but</c> with strings (plain values, or <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c>,
    /// <c>wildcard</c>): matches any present leaf value except a string that passes one of the tests. Values that are
    /// not strings (numbers, booleans, null) are "anything but" those strings and match, as in EventBridge, which
    /// compares the JSON text of the value. A missing field never matches.
    /// </summary>
    internal sealed class AnythingButStringsMatcher : ValueMatcher
    {
        private readonly StringTest[] _excluded;

        public AnythingButStringsMatcher(StringTest[] excluded, string description) : base(description)
        {
            _excluded = excluded;
        }

        public override bool Matches(ref LeafValue value)
        {
            if (!value.IsString) return true;
            var text = value.Text;
            for (var i = 0; i < _excluded.Length; i++)
            {
                if (_excluded[i].IsSatisfiedBy(text)) return false;
            }
            return true;
        }
    }
}
