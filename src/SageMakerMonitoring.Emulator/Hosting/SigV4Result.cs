namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>The outcome of verifying one request's SigV4 signature.</summary>
    public sealed class SigV4Result
    {
        public SigV4Failure Failure { get; init; }
        public string Message { get; init; } = "";
        public string? AccessKeyId { get; init; }
        /// <summary>Service name from the credential scope (monitoring, logs, s3, ...), when the header parsed.</summary>
        public string? SigningName { get; init; }
        public string? Region { get; init; }
        /// <summary>The x-amz-content-sha256 value when it names a streaming (aws-chunked) payload.</summary>
        public string? StreamingPayload { get; init; }
        public string? CanonicalRequest { get; init; }
        public string? StringToSign { get; init; }
        public System.DateTime? RequestTime { get; init; }

        public bool Succeeded => Failure == SigV4Failure.None;
    }
}
