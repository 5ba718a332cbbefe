using System;
using System.Collections.Generic;
using System.Text;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// An EventBridge wildcard value: <c>*</c> matches any run of characters (including none); <c>\*</c> is a literal
    /// star and <c>\\</c> a literal backslash; any other escape, and two unescaped stars in a row, are invalid.
    /// </summary>
    internal sealed class WildcardExpression
    {
        private readonly string[] _segments;
        private readonly bool _leadingStar;
        private readonly bool _trailingStar;

        private WildcardExpression(string[] segments, bool leadingStar, bool trailingStar)
        {
            _segments = segments;
            _leadingStar = leadingStar;
            _trailingStar = trailingStar;
        }

        /// <summary>Number of unescaped stars.</summary>
        public int StarCount => _segments.Length - 1;

        /// <summary>Parses; throws <see cref="FormatException"/> with the service's wording on an invalid value.</summary>
        public static WildcardExpression Parse(string text)
        {
            var segments = new List<string>();
            var current = new StringBuilder();
            var previousWasStar = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\')
                {
                    if (i + 1 < text.Length && (text[i + 1] == '*' || text[i + 1] == '\\'))
                    {
                        current.Append(text[i + 1]);
                        i++;
                        previousWasStar = false;
                        continue;
                    }
                    throw new FormatException("Invalid escape character at pos " + (i + 1));
                }
                if (c == '*')
                {
                    if (previousWasStar) throw new FormatException("Consecutive wildcard characters at pos " + (i + 1));
                    segments.Add(current.ToString());
                    current.Clear();
                    previousWasStar = true;
                    continue;
                }
                current.Append(c);
                previousWasStar = false;
            }
            segments.Add(current.ToString());
            return new WildcardExpression(segments.ToArray(), segments.Count > 1 && segments[0].Length == 0,
                segments.Count > 1 && segments[segments.Count - 1].Length == 0);
        }

        public bool IsMatch(string value)
        {
            var segments = _segments;
            if (segments.Length == 1) return string.Equals(value, segments[0], StringComparison.Ordinal);

            var first = segments[0];
            var last = segments[segments.Length - 1];
            if (value.Length < first.Length + last.Length) return false;
            if (!_leadingStar && !value.StartsWith(first, StringComparison.Ordinal)) return false;
            if (!_trailingStar && !value.EndsWith(last, StringComparison.Ordinal)) return false;

            // Middle segments in order, each as early as possible (leftmost placement is optimal for '*'-only globs).
            var position = first.Length;
            var end = value.Length - last.Length;
            for (var i = 1; i < segments.Length - 1; i++)
            {
                var segment = segments[i];
                if (segment.Length == 0) continue;
                if (end - position < segment.Length) return false;
                var found = value.IndexOf(segment, position, end - position, StringComparison.Ordinal);
                if (found < 0) return false;
                position = found + segment.Length;
            }
            return true;
        }
    }
}
