namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>What an AWS error means to the module, decided once inside Aws/ from the service's error code, HTTP status
    /// and (where a service says it only in words) message. Nothing outside Aws/ compares error-code strings.</summary>
    public enum AwsErrorKind
    {
        /// <summary>Anything not listed below.</summary>
        Other,
        /// <summary>The named resource does not exist (ResourceNotFoundException, NoSuchKey, SageMaker's
        /// ValidationException "Requested resource not found", HTTP 404).</summary>
        NotFound,
        /// <summary>The service asks the caller to slow down (ThrottlingException, Throttling, TooManyRequestsException,
        /// SlowDown, RequestLimitExceeded); retried by the wire.</summary>
        Throttling,
        /// <summary>A service limit that waiting does not lift soon (LimitExceededException, a rule's target limit, the
        /// Logs Insights concurrent-query limit); never retried as throttling.</summary>
        LimitExceeded,
        /// <summary>The request's signature, credentials or clock were refused (InvalidSignatureException,
        /// SignatureDoesNotMatch, UnrecognizedClientException, InvalidClientTokenId, ExpiredToken, RequestExpired,
        /// RequestTimeTooSkewed, IncompleteSignature, MissingAuthenticationToken).</summary>
        Authentication,
        /// <summary>The caller is not allowed (AccessDenied, AccessDeniedException, NotAuthorized).</summary>
        AccessDenied,
        /// <summary>The request was refused as malformed or invalid (ValidationException, InvalidParameterValue, ...).</summary>
        InvalidInput,
        /// <summary>The resource already exists.</summary>
        AlreadyExists,
        /// <summary>Another change was in flight (ConcurrentModificationException).</summary>
        ConcurrentModification,
        /// <summary>A paging token the service no longer accepts.</summary>
        InvalidNextToken,
        /// <summary>The service failed (HTTP 5xx).</summary>
        ServiceUnavailable,
        /// <summary>No answer came (network failure, time-out).</summary>
        Connection,
    }
}
