namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>A progress update. <see cref="PercentComplete"/> -1 means unknown.</summary>
    public sealed record ProgressInfo(string Activity, string Status, int PercentComplete = -1, bool Completed = false, int ActivityId = 1, string? CurrentOperation = null);
}
