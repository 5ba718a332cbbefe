namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>How much a finding matters: None when the rule held, Unknown when it could not be evaluated.</summary>
    public enum FindingSeverity
    {
        None,
        Unknown,
        Info,
        Warning,
        Critical,
    }
}
