namespace SageMakerMonitoring.Core.Events
{
    /// <summary><c>"Name": ["Alice"]</c>: the event value is exactly this string (case-sensitive; <c>""</c> included).</summary>
    internal sealed class ExactStringMatcher : ValueMatcher
    {
        private readonly string _value;

        public ExactStringMatcher(string value, string description) : base(description)
        {
            _value = value;
        }

        public override bool Matches(ref LeafValue value)
            => value.IsString && string.Equals(value.Text, _value);
    }
}
