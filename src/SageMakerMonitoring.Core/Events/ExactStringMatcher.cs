using System;
using System.Text;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary><c>"Name": ["Alice"]</c>: the event value is exactly this string (case-sensitive; <c>""</c> included).</summary>
    internal sealed class ExactStringMatcher : ValueMatcher
    {
        private readonly string _value;
        private readonly byte[] _utf8;

        public ExactStringMatcher(string value, string description) : base(description)
        {
            _value = value;
            _utf8 = Encoding.UTF8.GetBytes(value);
        }

        public override bool Matches(ref LeafValue value)
            => value.IsString && value.Element.ValueEquals(new ReadOnlySpan<byte>(_utf8));
    }
}
