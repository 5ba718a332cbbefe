using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary><c>[true]</c>, <c>[false]</c>, <c>[null]</c>: the event value is that JSON literal (null is not <c>""</c>).</summary>
    internal sealed class LiteralMatcher : ValueMatcher
    {
        private readonly JsonValueKind _kind;

        public LiteralMatcher(JsonValueKind kind, string description) : base(description)
        {
            _kind = kind;
        }

        public override bool Matches(ref LeafValue value) => value.Kind == _kind;
    }
}
