using System;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// EventBridge's pattern engine compares numbers as IEEE-754 doubles over the whole finite range (an integer beyond
    /// ±2^53 is compared by the double it rounds to, so 9007199254740993 equals 9007199254740992). A number too large to
    /// be a finite double is not comparable: it can only equal the same literal text.
    /// </summary>
    internal static class NumericLimits
    {
        /// <summary>The number as a double when it is a finite JSON number.</summary>
        public static bool TryGetComparable(JsonElement number, out double value)
        {
            if (number.ValueKind == JsonValueKind.Number && number.TryGetDouble(out value) && !double.IsInfinity(value) && !double.IsNaN(value))
            {
                return true;
            }
            value = 0;
            return false;
        }
    }
}
