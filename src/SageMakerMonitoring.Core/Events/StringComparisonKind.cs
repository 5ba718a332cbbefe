namespace SageMakerMonitoring.Core.Events
{
    /// <summary>Which string test a <see cref="StringTest"/> performs.</summary>
    internal enum StringComparisonKind
    {
        Equals,
        EqualsIgnoreCase,
        Prefix,
        PrefixIgnoreCase,
        Suffix,
        SuffixIgnoreCase,
        Wildcard,
    }
}
