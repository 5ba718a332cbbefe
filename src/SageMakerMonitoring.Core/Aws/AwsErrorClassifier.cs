using System;
using System.Collections.Generic;
using System.Globalization;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>The one place that reads AWS error codes: code + HTTP status + message → <see cref="AwsErrorKind"/>.</summary>
    internal static class AwsErrorClassifier
    {
        private static readonly HashSet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
            "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
            "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        };

        private static readonly HashSet<string> AuthenticationCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "IncompleteSignatureException",
            "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException",
            "RequestExpired", "RequestTimeTooSkewed", "RequestInTheFuture", "MissingAuthenticationToken",
            "MissingAuthenticationTokenException", "AuthFailure", "InvalidAccessKeyId", "InvalidToken", "TokenRefreshRequired",
        };

        public static AwsErrorKind Classify(string? errorCode, int statusCode, string? message)
        {
            var code = errorCode ?? "";
            var text = message ?? "";
            if (ThrottlingCodes.Contains(code)) return AwsErrorKind.Throttling;
            if (AuthenticationCodes.Contains(code)) return AwsErrorKind.Authentication;
            if (code.IndexOf("AccessDenied", StringComparison.OrdinalIgnoreCase) >= 0 || code == "NotAuthorized" || code == "ManagedRuleException")
                return AwsErrorKind.AccessDenied;
            if (code == "ConcurrentModificationException") return AwsErrorKind.ConcurrentModification;
            if (code == "InternalException" || code == "InternalFailure" || code == "InternalError" || code == "InternalServiceError"
                || code == "InternalServerError" || code == "ServiceUnavailable" || code == "ServiceUnavailableException")
                return AwsErrorKind.ServiceUnavailable;
            if (code == "InvalidNextToken" || code == "InvalidNextTokenException" || code == "InvalidPaginationToken")
                return AwsErrorKind.InvalidNextToken;
            if (code.IndexOf("LimitExceeded", StringComparison.Ordinal) >= 0 || code == "ServiceQuotaExceededException")
                return AwsErrorKind.LimitExceeded;
            if (code.IndexOf("NotFound", StringComparison.OrdinalIgnoreCase) >= 0 || code.StartsWith("NoSuch", StringComparison.Ordinal)
                || statusCode == 404)
                return AwsErrorKind.NotFound;
            if (code == "ValidationException" && SaysNotFound(text)) return AwsErrorKind.NotFound;
            if (code.IndexOf("AlreadyExists", StringComparison.OrdinalIgnoreCase) >= 0) return AwsErrorKind.AlreadyExists;
            if (code.IndexOf("Invalid", StringComparison.OrdinalIgnoreCase) >= 0 || code.IndexOf("Validation", StringComparison.OrdinalIgnoreCase) >= 0
                || code.IndexOf("Malformed", StringComparison.OrdinalIgnoreCase) >= 0 || code.StartsWith("Missing", StringComparison.Ordinal)
                || code == "SerializationException")
                return AwsErrorKind.InvalidInput;
            if (statusCode == 0) return AwsErrorKind.Connection;
            if (statusCode >= 500) return AwsErrorKind.ServiceUnavailable;
            return AwsErrorKind.Other;
        }

        /// <summary>SageMaker answers a Describe of a missing resource with ValidationException and words only.</summary>
        private static bool SaysNotFound(string message) =>
            message.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("not find", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("does not exist", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("RecordNotFound", StringComparison.Ordinal) >= 0; // DescribeNotebookInstance

        /// <summary>The 1-based N of "MetricDataQueries.member.N" in CloudWatch's refusal of a sub-minute period for a
        /// standard-resolution metric (or a high-resolution one asked too coarsely), or null when the error is not that.</summary>
        public static int? RefusedResolutionMember(AwsErrorKind kind, string? message)
        {
            if (kind != AwsErrorKind.InvalidInput) return null;
            var text = message ?? "";
            if (text.IndexOf("standard resolution", StringComparison.OrdinalIgnoreCase) < 0
                && text.IndexOf("high-resolution", StringComparison.OrdinalIgnoreCase) < 0)
                return null;
            const string marker = "MetricDataQueries.member.";
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) return null;
            var i = at + marker.Length;
            var end = i;
            while (end < text.Length && char.IsDigit(text[end])) end++;
            if (end == i || end - i > 6) return null;
            var n = int.Parse(text.Substring(i, end - i), NumberStyles.None, CultureInfo.InvariantCulture);
            return n >= 1 ? n : (int?)null;
        }
    }
}
