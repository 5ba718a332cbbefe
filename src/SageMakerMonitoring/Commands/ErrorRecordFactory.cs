using System;
using System.Management.Automation;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>The one place where exceptions become ErrorRecords users can act on.</summary>
    public static class ErrorRecordFactory
    {
        public static ErrorRecord Create(Exception exception, object? target)
        {
            exception = Unwrap(exception);
            switch (exception)
            {
                case MonitoringException m:
                {
                    var record = new ErrorRecord(m, m.ErrorId, ToCategory(m.Kind), m.TargetObject ?? target);
                    if (m.RecommendedAction != null) record.ErrorDetails = new ErrorDetails(m.Message) { RecommendedAction = m.RecommendedAction };
                    return record;
                }
                case AwsServiceException a:
                {
                    var id = string.IsNullOrEmpty(a.ErrorCode) ? "AwsServiceError" : a.ErrorCode;
                    var message = $"{a.Service} {a.Operation} failed: {a.ErrorCode}: {a.Message}" + (a.RequestId is null ? "" : $" (request id {a.RequestId})");
                    return new ErrorRecord(a, id, CategoryOf(a), target) { ErrorDetails = new ErrorDetails(message) };
                }
                case AwsConfigurationException c:
                    return new ErrorRecord(c, "AwsConfigurationMissing", ErrorCategory.InvalidOperation, target)
                    {
                        ErrorDetails = new ErrorDetails(c.Message) { RecommendedAction = "Set a region and credentials as the message says, then run the command again." },
                    };
                case EventPatternException p:
                    return Create(EventPatternErrors.Invalid(p, null), target);
                case OperationCanceledException:
                    return new ErrorRecord(exception, "OperationStopped", ErrorCategory.OperationStopped, target);
                case ArgumentException:
                case FormatException:
                    return new ErrorRecord(exception, "InvalidArgument", ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(exception, exception.GetType().Name, ErrorCategory.NotSpecified, target);
            }
        }

        public static Exception Unwrap(Exception exception)
        {
            while (exception is AggregateException agg && agg.InnerExceptions.Count == 1) exception = agg.InnerExceptions[0];
            if (exception is System.Reflection.TargetInvocationException tie && tie.InnerException != null) return Unwrap(tie.InnerException);
            return exception;
        }

        private static ErrorCategory CategoryOf(AwsServiceException a) => CategoryOf(a.Kind);

        /// <summary>The ErrorCategory for what an AWS error means (decided in Core's Aws/, never from the code here).</summary>
        public static ErrorCategory CategoryOf(AwsErrorKind kind)
        {
            switch (kind)
            {
                case AwsErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case AwsErrorKind.AccessDenied: return ErrorCategory.PermissionDenied;
                case AwsErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case AwsErrorKind.Throttling:
                case AwsErrorKind.LimitExceeded: return ErrorCategory.LimitsExceeded;
                case AwsErrorKind.AlreadyExists: return ErrorCategory.ResourceExists;
                case AwsErrorKind.InvalidInput:
                case AwsErrorKind.InvalidNextToken: return ErrorCategory.InvalidArgument;
                case AwsErrorKind.Connection: return ErrorCategory.ConnectionError;
                case AwsErrorKind.ServiceUnavailable:
                case AwsErrorKind.ConcurrentModification: return ErrorCategory.ResourceUnavailable;
                default: return ErrorCategory.InvalidOperation;
            }
        }

        private static ErrorCategory ToCategory(ErrorKind kind) =>
            Enum.TryParse<ErrorCategory>(kind.ToString(), out var category) ? category : ErrorCategory.NotSpecified;
    }
}
