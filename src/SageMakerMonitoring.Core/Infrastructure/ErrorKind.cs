namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>What kind of failure an error is; the cmdlets map it to PowerShell's ErrorCategory of the same name.</summary>
    public enum ErrorKind
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        ObjectNotFound,
        ResourceExists,
        ResourceUnavailable,
        PermissionDenied,
        AuthenticationError,
        LimitsExceeded,
        ConnectionError,
        OperationTimeout,
        OperationStopped,
        WriteError,
        ReadError,
    }
}
