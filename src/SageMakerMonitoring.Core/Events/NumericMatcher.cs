namespace SageMakerMonitoring.Core.Events
{
    /// <summary><c>{"numeric": ["&gt;", 0, "&lt;=", 5]}</c>, <c>{"numeric": ["=", 100]}</c>: JSON numbers only, compared as doubles.</summary>
    internal sealed class NumericMatcher : ValueMatcher
    {
        private readonly double _lower;
        private readonly bool _hasLower;
        private readonly bool _lowerInclusive;
        private readonly double _upper;
        private readonly bool _hasUpper;
        private readonly bool _upperInclusive;

        public NumericMatcher(bool hasLower, double lower, bool lowerInclusive, bool hasUpper, double upper, bool upperInclusive, string description)
            : base(description)
        {
            _hasLower = hasLower;
            _lower = lower;
            _lowerInclusive = lowerInclusive;
            _hasUpper = hasUpper;
            _upper = upper;
            _upperInclusive = upperInclusive;
        }

        public override bool Matches(ref LeafValue value)
        {
            if (!value.TryGetComparableNumber(out var d)) return false;
            if (_hasLower && (_lowerInclusive ? d < _lower : d <= _lower)) return false;
            if (_hasUpper && (_upperInclusive ? d > _upper : d >= _upper)) return false;
            return true;
        }
    }
}
