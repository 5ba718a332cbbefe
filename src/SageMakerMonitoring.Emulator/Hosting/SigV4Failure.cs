namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Why a request's SigV4 authentication was refused.</summary>
    public enum SigV4Failure
    {
        None,
        /// <summary>No Authorization header.</summary>
        MissingAuthentication,
        /// <summary>Authorization header present but not a parsable AWS4-HMAC-SHA256 header, or no date.</summary>
        IncompleteSignature,
        UnknownAccessKey,
        SignatureMismatch,
        /// <summary>Request time more than 15 minutes away from the server's time.</summary>
        RequestTimeSkewed,
        /// <summary>x-amz-content-sha256 does not match the body.</summary>
        ContentHashMismatch,
        /// <summary>The credential scope names a region AWS does not have (see <see cref="AwsRegions"/>).</summary>
        UnknownRegion,
    }
}
