using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.Logs
{
    /// <summary>The service errors CloudWatch Logs answers, with its own messages.</summary>
    internal static class LogsErrors
    {
        public static AwsErrorException InvalidParameter(string message) => new AwsErrorException("InvalidParameterException", message);

        public static AwsErrorException GroupNotFound() => new AwsErrorException("ResourceNotFoundException", "The specified log group does not exist.");

        public static AwsErrorException StreamNotFound() => new AwsErrorException("ResourceNotFoundException", "The specified log stream does not exist.");

        public static AwsErrorException InvalidNextToken() => InvalidParameter("The specified nextToken is invalid.");

        public static AwsErrorException InvalidFilterPattern() => InvalidParameter("Invalid filter pattern");
    }
}
