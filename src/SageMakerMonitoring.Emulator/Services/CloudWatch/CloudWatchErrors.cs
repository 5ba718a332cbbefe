using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>CloudWatch's service errors: the JSON shape name as code and the legacy query code.</summary>
    internal static class CloudWatchErrors
    {
        public static AwsErrorException InvalidParameterValue(string message) =>
            new AwsErrorException("InvalidParameterValueException", message, 400, "InvalidParameterValue");

        public static AwsErrorException InvalidParameterCombination(string message) =>
            new AwsErrorException("InvalidParameterCombinationException", message, 400, "InvalidParameterCombination");

        public static AwsErrorException MissingParameter(string message) =>
            new AwsErrorException("MissingRequiredParameterException", message, 400, "MissingParameter");

        public static AwsErrorException InvalidNextToken(string message) =>
            new AwsErrorException("InvalidNextToken", message, 400, "InvalidNextToken");

        /// <summary>A quota refused the request: awsJson ThrottlingException, query code Throttling (as the TPS quotas answer).</summary>
        public static AwsErrorException Throttling() =>
            new AwsErrorException("ThrottlingException", "Rate exceeded", 400, "Throttling");

        /// <summary>Input validation failures that the model does not declare (GetMetricData queries, Ids, statistics).</summary>
        public static AwsErrorException ValidationError(string message) =>
            new AwsErrorException("ValidationError", message, 400, "ValidationError");
    }
}
