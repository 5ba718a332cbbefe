using System;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>A compiled test on a string value: equality, prefix, suffix (each optionally ignoring case) or wildcard.</summary>
    internal sealed class StringTest
    {
        private readonly StringComparisonKind _kind;
        private readonly string _operand;
        private readonly WildcardExpression? _wildcard;
        private readonly IgnoreCaseText? _ignoreCase;

        public StringTest(StringComparisonKind kind, string operand)
        {
            _kind = kind;
            _operand = operand;
            if (kind == StringComparisonKind.Wildcard) _wildcard = WildcardExpression.Parse(operand);
            if (kind == StringComparisonKind.EqualsIgnoreCase || kind == StringComparisonKind.PrefixIgnoreCase || kind == StringComparisonKind.SuffixIgnoreCase)
            {
                _ignoreCase = new IgnoreCaseText(operand);
            }
        }

        public bool IsSatisfiedBy(string value)
        {
            switch (_kind)
            {
                case StringComparisonKind.Equals:
                    return string.Equals(value, _operand, StringComparison.Ordinal);
                case StringComparisonKind.EqualsIgnoreCase:
                    return _ignoreCase!.Matches(value);
                case StringComparisonKind.Prefix:
                    return value.StartsWith(_operand, StringComparison.Ordinal);
                case StringComparisonKind.PrefixIgnoreCase:
                    return _ignoreCase!.IsPrefixOf(value);
                case StringComparisonKind.Suffix:
                    return value.EndsWith(_operand, StringComparison.Ordinal);
                case StringComparisonKind.SuffixIgnoreCase:
                    return _ignoreCase!.IsSuffixOf(value);
                case StringComparisonKind.Wildcard:
                    return _wildcard!.IsMatch(value);
                default:
                    return false;
            }
        }
    }
}
