namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>What fault injection decided for one request.</summary>
    public enum FaultKind
    {
        None,
        Throttle,
        /// <summary>500 InternalFailure.</summary>
        InternalError,
        /// <summary>503 ServiceUnavailable.</summary>
        Unavailable,
        /// <summary>Abort the connection without an answer.</summary>
        Drop,
    }
}
