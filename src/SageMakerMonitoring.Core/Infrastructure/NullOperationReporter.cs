namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>Discards everything; for callers that do not care.</summary>
    public sealed class NullOperationReporter : IOperationReporter
    {
        public static readonly NullOperationReporter Instance = new NullOperationReporter();

        private NullOperationReporter() { }

        public void Verbose(string message) { }
        public void Warning(string message) { }
        public void Progress(ProgressInfo progress) { }
    }
}
