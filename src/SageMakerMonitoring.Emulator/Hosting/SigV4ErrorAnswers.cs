namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>How each protocol family answers a failed SigV4 check, as AWS does.</summary>
    public static class SigV4ErrorAnswers
    {
        /// <summary>The region S3 says it expected when a request is signed for one AWS does not have.</summary>
        public const string S3HomeRegion = "us-east-1";

        /// <summary>awsJson services (Logs, EventBridge, SageMaker).</summary>
        public static AwsErrorException ForJson(SigV4Result result) => result.Failure switch
        {
            SigV4Failure.MissingAuthentication => new AwsErrorException("MissingAuthenticationTokenException", "Missing Authentication Token", 400),
            SigV4Failure.IncompleteSignature => new AwsErrorException("IncompleteSignatureException", result.Message, 400),
            SigV4Failure.UnknownAccessKey => new AwsErrorException("UnrecognizedClientException", "The security token included in the request is invalid.", 400),
            SigV4Failure.RequestTimeSkewed => new AwsErrorException("InvalidSignatureException", result.Message, 400),
            // CloudWatch Logs answers {"__type":"InvalidSignatureException","message":"Credential should be scoped to a valid
            // region, not '...'. "}; awsJson services send credential-scope errors with 400.
            SigV4Failure.UnknownRegion => new AwsErrorException("InvalidSignatureException", result.Message, 400),
            _ => new AwsErrorException("InvalidSignatureException", MismatchMessage(result), 400),
        };

        /// <summary>CloudWatch, over awsQuery or its query-compatible JSON: the query codes.</summary>
        public static AwsErrorException ForQueryCompatible(SigV4Result result) => result.Failure switch
        {
            SigV4Failure.MissingAuthentication => Query("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
            SigV4Failure.IncompleteSignature => Query("IncompleteSignature", result.Message, 400),
            SigV4Failure.UnknownAccessKey => Query("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
            SigV4Failure.RequestTimeSkewed => Query("RequestExpired", result.Message, 400),
            // Query services (IAM, STS, SES, CloudWatch) answer SignatureDoesNotMatch (Sender, 403) with the same message.
            SigV4Failure.UnknownRegion => Query("SignatureDoesNotMatch", result.Message, 403),
            _ => Query("SignatureDoesNotMatch", MismatchMessage(result), 403),
        };

        /// <summary>S3 (REST-XML).</summary>
        public static AwsErrorException ForS3(SigV4Result result) => result.Failure switch
        {
            SigV4Failure.MissingAuthentication => new AwsErrorException("AccessDenied", "Access Denied", 403),
            SigV4Failure.IncompleteSignature => new AwsErrorException("AuthorizationHeaderMalformed", result.Message, 400),
            SigV4Failure.UnknownAccessKey => new AwsErrorException("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
            SigV4Failure.RequestTimeSkewed => new AwsErrorException("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403),
            SigV4Failure.ContentHashMismatch => new AwsErrorException("XAmzContentSHA256Mismatch", result.Message, 400),
            // S3 names the region it expected: its global endpoint (and the emulator's buckets) live in us-east-1.
            SigV4Failure.UnknownRegion => new AwsErrorException("AuthorizationHeaderMalformed",
                $"The authorization header is malformed; the region '{result.Region}' is wrong; expecting '{S3HomeRegion}'", 400),
            _ => new AwsErrorException("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.", 403),
        };

        private static AwsErrorException Query(string code, string message, int status) =>
            new AwsErrorException(code, message, status, queryCode: code);

        private static string MismatchMessage(SigV4Result result) =>
            result.CanonicalRequest is null
                ? result.Message
                : result.Message + "\n\nThe Canonical String for this request should have been\n'" + result.CanonicalRequest
                  + "'\n\nThe String-to-Sign should have been\n'" + result.StringToSign + "'\n";
    }
}
