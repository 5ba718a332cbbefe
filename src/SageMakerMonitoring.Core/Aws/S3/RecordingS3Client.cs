using System;
using Amazon.Runtime;
using Amazon.S3;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.S3
{
    /// <summary>The SDK's S3 client with the module's call recording and attempt reporting added to its pipeline.</summary>
    internal sealed class RecordingS3Client : AmazonS3Client
    {
        public RecordingS3Client(AWSCredentials? credentials, AmazonS3Config config, string region, Action<AwsCallRecord>? callLogger,
            Action<AwsAttemptNotice>? attemptNotice = null, TimeSpan? throttlingWarningAfter = null)
            : base(credentials!, config)
        {
            if (attemptNotice != null)
            {
                // Inside the retry loop, as for the JSON services: each failed attempt, and a warning when S3 keeps saying SlowDown.
                RuntimePipeline.AddHandlerAfter<Amazon.Runtime.Internal.RetryHandler>(new ThrottlingWatchHandler("S3", attemptNotice, throttlingWarningAfter));
            }
            if (callLogger != null)
            {
                RuntimePipeline.AddHandler(new CallRecordingHandler("S3", region, callLogger));
            }
        }
    }
}
