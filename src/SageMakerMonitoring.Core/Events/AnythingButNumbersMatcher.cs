namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// <c>{"anything-but": 123}</c> / <c>{"anything-but": [100, 200]}</c>: matches any present leaf value except a number
    /// equal (as a double) to one of the listed numbers. Like EventBridge, values that are not numbers (the string
    /// <c>"444"</c>, <c>true</c>, <c>null</c>) are "anything but" those numbers and match. A missing field never matches.
    /// </summary>
    internal sealed class AnythingButNumbersMatcher : ValueMatcher
    {
        private readonly double[] _excluded;

        public AnythingButNumbersMatcher(double[] excluded, string description) : base(description)
        {
            _excluded = excluded;
        }

        public override bool Matches(ref LeafValue value)
        {
            if (!value.TryGetComparableNumber(out var d)) return true;
            for (var i = 0; i < _excluded.Length; i++)
            {
                if (_excluded[i] == d) return false;
            }
            return true;
        }
    }
}
