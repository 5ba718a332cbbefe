using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>Client factories pointed at a moto_server with fixed test keys.</summary>
    internal static class MotoClients
    {
        public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
        public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        public static AwsClientFactory Factory(MotoServer moto, System.Collections.Generic.List<AwsCallRecord>? calls = null, string region = "us-east-1")
        {
            return new AwsClientFactory(new AwsClientOptions
            {
                Region = region,
                EndpointUrl = moto.Url,
                Credentials = new BasicAWSCredentials(AccessKey, SecretKey),
                CallLogger = calls == null ? null : record => { lock (calls) calls.Add(record); },
            });
        }
    }
}
