namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>Something worth telling about an API call while it is still being retried: one line per failed attempt
    /// (<see cref="IsWarning"/> false, for -Verbose), and once per call that stays throttled (true, a warning).</summary>
    public sealed record AwsAttemptNotice(string Service, string Operation, int Attempt, string? ErrorCode, bool IsWarning, string Text);
}
