using System;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>Matches whole strings against a value where <c>*</c> stands for any run of characters.</summary>
    internal static class WildcardText
    {
        public static bool IsMatch(string pattern, string text)
        {
            if (pattern.IndexOf('*') < 0) return string.Equals(pattern, text, StringComparison.Ordinal);
            string[] parts = pattern.Split('*');
            int position = 0;
            string first = parts[0];
            if (!text.StartsWith(first, StringComparison.Ordinal)) return false;
            position = first.Length;
            string last = parts[parts.Length - 1];
            int lastStart = text.Length - last.Length;
            if (lastStart < position || !text.EndsWith(last, StringComparison.Ordinal)) return false;
            for (int i = 1; i < parts.Length - 1; i++)
            {
                if (parts[i].Length == 0) continue;
                int found = text.IndexOf(parts[i], position, lastStart - position, StringComparison.Ordinal);
                if (found < 0) return false;
                position = found + parts[i].Length;
            }
            return true;
        }
    }
}
