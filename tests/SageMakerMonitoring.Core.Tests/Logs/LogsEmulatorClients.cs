using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>Client factories pointed at the in-process emulator with the default key pair.</summary>
    internal static class LogsEmulatorClients
    {
        public static AwsClientFactory Factory(string url) => new AwsClientFactory(new AwsClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = url,
            Credentials = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        });
    }
}
