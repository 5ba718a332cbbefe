namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// <c>"Name": ["Alice"]</c>: the event value is exactly this string (case-sensitive; <c>""</c> included). Like
    /// EventBridge's engine, a pattern string that is an IP address matches any spelling of the same address
    /// (<c>"2001:db8::1"</c> matches <c>"2001:0db8:0:0:0:0:0:1"</c>); <c>{"exactly": ...}</c> compares the text only.
    /// </summary>
    internal sealed class ExactStringMatcher : ValueMatcher
    {
        private readonly string _value;
        private readonly bool _isAddress;

        public ExactStringMatcher(string value, string description, bool matchAddresses = true) : base(description)
        {
            _value = value;
            _isAddress = matchAddresses && IpNetwork.IsAddress(value);
        }

        public override bool Matches(ref LeafValue value)
        {
            if (!value.IsString) return false;
            var text = value.Text;
            if (string.Equals(text, _value)) return true;
            return _isAddress && IpNetwork.SameAddress(text, _value);
        }
    }
}
