namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>How core services tell the caller what they are doing without knowing PowerShell.
    /// Implementations must be thread-safe: calls come from whatever thread the work runs on.</summary>
    public interface IOperationReporter
    {
        void Verbose(string message);
        void Warning(string message);
        void Progress(ProgressInfo progress);
    }
}
