using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public class AwsErrorClassifierTests
    {
        [Theory]
        [InlineData("ResourceNotFoundException", 400, "Log group not found", AwsErrorKind.NotFound)]
        [InlineData("ResourceNotFound", 400, "", AwsErrorKind.NotFound)]
        [InlineData("NoSuchKey", 404, "", AwsErrorKind.NotFound)]
        [InlineData("ValidationException", 400, "Requested resource not found.", AwsErrorKind.NotFound)]
        [InlineData("ValidationException", 400, "Could not find endpoint \"x\".", AwsErrorKind.NotFound)]
        [InlineData("ValidationException", 400, "RecordNotFound", AwsErrorKind.NotFound)] // DescribeNotebookInstance of a missing notebook
        [InlineData("ValidationException", 400, "1 validation error detected", AwsErrorKind.InvalidInput)]
        [InlineData("ThrottlingException", 400, "Rate exceeded", AwsErrorKind.Throttling)]
        [InlineData("Throttling", 400, "Rate exceeded", AwsErrorKind.Throttling)]
        [InlineData("SlowDown", 503, "", AwsErrorKind.Throttling)]
        [InlineData("LimitExceededException", 400, "The requested resource exceeds the maximum number allowed.", AwsErrorKind.LimitExceeded)]
        [InlineData("InvalidSignatureException", 400, "", AwsErrorKind.Authentication)]
        [InlineData("SignatureDoesNotMatch", 403, "", AwsErrorKind.Authentication)]
        [InlineData("RequestExpired", 400, "", AwsErrorKind.Authentication)]
        [InlineData("RequestTimeTooSkewed", 403, "", AwsErrorKind.Authentication)]
        [InlineData("UnrecognizedClientException", 400, "", AwsErrorKind.Authentication)]
        [InlineData("ExpiredTokenException", 400, "", AwsErrorKind.Authentication)]
        [InlineData("AccessDeniedException", 400, "", AwsErrorKind.AccessDenied)]
        [InlineData("AccessDenied", 403, "", AwsErrorKind.AccessDenied)]
        [InlineData("ConcurrentModificationException", 400, "", AwsErrorKind.ConcurrentModification)]
        [InlineData("InvalidNextToken", 400, "", AwsErrorKind.InvalidNextToken)]
        [InlineData("InvalidParameterValue", 400, "", AwsErrorKind.InvalidInput)]
        [InlineData("ResourceAlreadyExistsException", 400, "", AwsErrorKind.AlreadyExists)]
        [InlineData("InternalFailure", 500, "", AwsErrorKind.ServiceUnavailable)]
        [InlineData("Http503", 503, "", AwsErrorKind.ServiceUnavailable)]
        [InlineData("NetworkError", 0, "", AwsErrorKind.Connection)]
        [InlineData("Teapot", 418, "", AwsErrorKind.Other)]
        public void Codes_statuses_and_messages_decide_the_kind(string code, int status, string message, AwsErrorKind expected)
        {
            var ex = new AwsServiceException("Svc", "Op", code, status, null, message);
            Assert.Equal(expected, ex.Kind);
        }

        [Theory]
        [InlineData("The value 1 for parameter MetricDataQueries.member.3.MetricStat.Period is not valid for a standard resolution metric.", 3)]
        [InlineData("Period 60 is too coarse for high-resolution MetricDataQueries.member.12 data", 12)]
        [InlineData("MetricDataQueries.member.3.MetricStat.Period must be positive", null)]
        [InlineData("standard resolution MetricDataQueries.member. without a number", null)]
        public void A_refused_resolution_names_its_query_member(string message, int? expected)
        {
            var ex = new AwsServiceException("CloudWatch", "GetMetricData", "InvalidParameterValue", 400, null, message);
            Assert.Equal(expected, ex.RefusedResolutionMember);
        }

        [Fact]
        public void Refused_target_entries_are_classified_too()
        {
            Assert.Equal(AwsErrorKind.ConcurrentModification, new TargetFailure("t", "ConcurrentModificationException", "").Kind);
            Assert.Equal(AwsErrorKind.LimitExceeded, new TargetFailure("t", "LimitExceededException", "").Kind);
        }
    }
}
