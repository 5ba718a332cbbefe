using System;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>Case-insensitive matching with <c>*</c> (any run) and <c>?</c> (one character), as PowerShell users expect of name filters.</summary>
    internal static class LogNameWildcard
    {
        public static bool IsMatch(string pattern, string value)
        {
            int p = 0, v = 0, star = -1, mark = 0;
            while (v < value.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], value[v])))
                {
                    p++;
                    v++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = v;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    v = ++mark;
                }
                else
                {
                    return false;
                }
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }

        private static bool CharEquals(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
    }
}
