using System;
using Amazon.Runtime;
using Amazon.S3;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.S3
{
    /// <summary>The SDK's S3 client with the module's call recording added to its pipeline.</summary>
    internal sealed class RecordingS3Client : AmazonS3Client
    {
        public RecordingS3Client(AWSCredentials? credentials, AmazonS3Config config, string region, Action<AwsCallRecord>? callLogger)
            : base(credentials!, config)
        {
            if (callLogger != null)
            {
                RuntimePipeline.AddHandler(new CallRecordingHandler("S3", region, callLogger));
            }
        }
    }
}
