using System;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>EventBridge compares numbers as IEEE-754 doubles; integers are exact only within ±2^53.</summary>
    internal static class NumericLimits
    {
        public const double MaxExact = 9007199254740992d;
        private const long MaxExactInteger = 9007199254740992L;

        /// <summary>
        /// The number as a double when EventBridge treats it as comparable: finite and within ±2^53 by its written
        /// value (so 9007199254740993, which rounds to 2^53 as a double, is out).
        /// </summary>
        public static bool TryGetComparable(JsonElement number, out double value)
        {
            if (number.ValueKind == JsonValueKind.Number && number.TryGetDouble(out value) && !double.IsInfinity(value) && !double.IsNaN(value))
            {
                var magnitude = Math.Abs(value);
                if (magnitude < MaxExact) return true;
                if (magnitude == MaxExact)
                {
                    if (number.TryGetInt64(out var integer) && (integer == MaxExactInteger || integer == -MaxExactInteger)) return true;
                    if (number.TryGetDecimal(out var exact) && Math.Abs(exact) <= MaxExactInteger) return true;
                }
            }
            value = 0;
            return false;
        }
    }
}
