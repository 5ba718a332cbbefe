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
        }

        /// <summary>Service id, e.g. "CloudWatch", "CloudWatch Logs", "EventBridge", "SageMaker", "S3".</summary>
        public string Service { get; }
        public string Operation { get; }
        /// <summary>The AWS error code, e.g. "ThrottlingException", "ResourceNotFoundException", "InvalidParameterValue".</summary>
        public string ErrorCode { get; }
        /// <summary>HTTP status of the answer; 0 when no answer came.</summary>
        public int StatusCode { get; }
        public string? RequestId { get; }
    }
}
