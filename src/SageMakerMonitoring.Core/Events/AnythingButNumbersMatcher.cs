namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// <c>{"anything-but": 123}</c> / <c>{"anything-but": [100, 200]}</c>: matches a numeric value that equals none of
    /// the listed numbers (compared as doubles). Values that are not numbers do not match.
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
            if (!value.TryGetComparableNumber(out var d)) return false;
            for (var i = 0; i < _excluded.Length; i++)
            {
                if (_excluded[i] == d) return false;
            }
            return true;
        }
    }
}
