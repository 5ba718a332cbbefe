using System;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// The operand of <c>equals-ignore-case</c> (alone, or inside <c>prefix</c>, <c>suffix</c> or <c>anything-but</c>) as
    /// EventBridge compiles it: each UTF-16 unit of the pattern becomes the choice between its full lower-case and its
    /// full upper-case form (see <see cref="UnicodeCaseMapping"/>), and a value matches when it is a concatenation of one
    /// choice per unit. So <c>"ß"</c> matches <c>ß</c> and <c>SS</c> (not <c>ss</c>), <c>"é"</c> matches <c>É</c>, and
    /// a character whose forms coincide (digits, punctuation) must appear as written. Matching allocates nothing.
    /// </summary>
    internal sealed class IgnoreCaseText
    {
        // One entry per pattern unit: its lower-case form and its upper-case form (the same string when they coincide).
        private readonly string[] _lower;
        private readonly string[] _upper;

        public IgnoreCaseText(string text)
        {
            _lower = new string[text.Length];
            _upper = new string[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                _lower[i] = UnicodeCaseMapping.Lower(text[i]);
                _upper[i] = UnicodeCaseMapping.Upper(text[i]);
            }
        }

        /// <summary>The whole value matches.</summary>
        public bool Matches(string value) => Match(value, 0, 0, wholeValue: true);

        /// <summary>The value starts with a match.</summary>
        public bool IsPrefixOf(string value) => Match(value, 0, 0, wholeValue: false);

        /// <summary>The value ends with a match.</summary>
        public bool IsSuffixOf(string value)
        {
            for (var start = value.Length; start >= 0; start--)
            {
                if (Match(value, start, 0, wholeValue: true)) return true;
            }
            return false;
        }

        private bool Match(string value, int position, int unit, bool wholeValue)
        {
            // Iterative while only one form can continue; recursion only where both forms fit (rare: forms of unequal length).
            while (unit < _lower.Length)
            {
                var lower = _lower[unit];
                var upper = _upper[unit];
                var lowerFits = Fits(value, position, lower);
                var upperFits = !ReferenceEquals(lower, upper) && !string.Equals(lower, upper, StringComparison.Ordinal) && Fits(value, position, upper);
                if (lowerFits && upperFits)
                {
                    if (Match(value, position + lower.Length, unit + 1, wholeValue)) return true;
                    position += upper.Length;
                }
                else if (lowerFits) position += lower.Length;
                else if (upperFits) position += upper.Length;
                else return false;
                unit++;
            }
            return !wholeValue || position == value.Length;
        }

        private static bool Fits(string value, int position, string form)
            => value.Length - position >= form.Length && string.CompareOrdinal(value, position, form, 0, form.Length) == 0;
    }
}
