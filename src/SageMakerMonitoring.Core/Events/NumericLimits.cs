namespace SageMakerMonitoring.Core.Events
{
    /// <summary>EventBridge compares numbers as IEEE-754 doubles; integers are exact only within ±2^53.</summary>
    internal static class NumericLimits
    {
        public const double MaxExact = 9007199254740992d;
    }
}
