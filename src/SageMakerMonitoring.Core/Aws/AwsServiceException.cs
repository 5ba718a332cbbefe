using System;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// An error answered by an AWS service (or raised by the wire layer while talking to it).
    /// The only exception type that leaves the Aws folder for service errors.
    /// </summary>
    public sealed class AwsServiceException : Exception
    {
        public AwsServiceException(string service, string operation, string errorCode, int statusCode, string? requestId, string message, Exception? inner = null)
            : base(message, inner)
        {
            Service = service;
            Operation = operation;
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
            Kind = AwsErrorClassifier.Classify(errorCode, statusCode, message);
        }

        /// <summary>Service id, e.g. "CloudWatch", "CloudWatch Logs", "EventBridge", "SageMaker", "S3".</summary>
        public string Service { get; }
        public string Operation { get; }
        /// <summary>The AWS error code, e.g. "ThrottlingException", "ResourceNotFoundException", "InvalidParameterValue".</summary>
        public string ErrorCode { get; }
        /// <summary>HTTP status of the answer; 0 when no answer came.</summary>
        public int StatusCode { get; }
        public string? RequestId { get; }

        /// <summary>What the error means, decided from the code, status and message (see <see cref="AwsErrorKind"/>).</summary>
        public AwsErrorKind Kind { get; }

        public bool IsNotFound => Kind == AwsErrorKind.NotFound;
        public bool IsThrottling => Kind == AwsErrorKind.Throttling;
        public bool IsLimitExceeded => Kind == AwsErrorKind.LimitExceeded;
        public bool IsAuthentication => Kind == AwsErrorKind.Authentication;
        public bool IsAccessDenied => Kind == AwsErrorKind.AccessDenied;
        public bool IsInvalidInput => Kind == AwsErrorKind.InvalidInput;
        public bool IsConcurrentModification => Kind == AwsErrorKind.ConcurrentModification;
        public bool IsInvalidNextToken => Kind == AwsErrorKind.InvalidNextToken;
        /// <summary>The service's "invalid event pattern" answer to TestEventPattern or PutRule.</summary>
        public bool IsInvalidEventPattern => ErrorCode == "InvalidEventPatternException";

        /// <summary>For CloudWatch's refusal of a period that does not fit a metric's storage resolution, the 1-based N of
        /// the "MetricDataQueries.member.N" it names; otherwise null.</summary>
        public int? RefusedResolutionMember => AwsErrorClassifier.RefusedResolutionMember(Kind, Message);
    }
}
