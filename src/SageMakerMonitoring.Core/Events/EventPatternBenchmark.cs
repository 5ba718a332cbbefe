using System;
using System.Diagnostics;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// Measures matching speed for a typical SageMaker rule (source + detail-type + a status list + a name prefix)
    /// against a typical, already parsed training-job state-change event, on the calling thread.
    /// </summary>
    public static class EventPatternBenchmark
    {
        public const string TypicalPattern =
            "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"]," +
            "\"detail\":{\"TrainingJobStatus\":[\"Failed\",\"Stopped\",\"Completed\"],\"TrainingJobName\":[{\"prefix\":\"nightly-\"}]}}";

        public const string TypicalEvent =
            "{\"version\":\"0\",\"id\":\"11111111-2222-3333-4444-555555555555\",\"detail-type\":\"SageMaker Training Job State Change\"," +
            "\"source\":\"aws.sagemaker\",\"account\":\"123456789012\",\"time\":\"2025-03-01T10:15:00Z\",\"region\":\"us-east-1\"," +
            "\"resources\":[\"arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-resnet50-0301\"]," +
            "\"detail\":{\"TrainingJobName\":\"nightly-resnet50-0301\",\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-resnet50-0301\"," +
            "\"TrainingJobStatus\":\"Failed\",\"SecondaryStatus\":\"Failed\",\"FailureReason\":\"AlgorithmError: example\"," +
            "\"HyperParameters\":{\"epochs\":\"20\",\"lr\":\"0.01\"},\"AlgorithmSpecification\":{\"TrainingImage\":\"img\",\"TrainingInputMode\":\"File\"}," +
            "\"RoleArn\":\"arn:aws:iam::123456789012:role/ExampleRole\",\"OutputDataConfig\":{\"KmsKeyId\":\"\",\"S3OutputPath\":\"s3://bucket/out/\"}," +
            "\"ResourceConfig\":{\"InstanceType\":\"ml.p3.8xlarge\",\"InstanceCount\":4,\"VolumeSizeInGB\":100,\"VolumeKmsKeyId\":\"\"}," +
            "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":86400},\"CreationTime\":1740824000000,\"TrainingStartTime\":1740824100000," +
            "\"TrainingEndTime\":1740824900000,\"LastModifiedTime\":1740824900000,\"SecondaryStatusTransitions\":[],\"Tags\":{}}}";

        /// <summary>Runs <paramref name="iterations"/> checks (after a short warm-up) and returns checks per second.</summary>
        public static double Run(int iterations)
        {
            if (iterations <= 0) throw new ArgumentOutOfRangeException(nameof(iterations));
            var pattern = EventPattern.Parse(TypicalPattern);
            using var document = JsonDocument.Parse(TypicalEvent);
            var evt = document.RootElement;
            if (!pattern.Matches(evt)) throw new InvalidOperationException("The benchmark event must match the benchmark pattern.");

            var matched = 0;
            for (var i = 0; i < Math.Min(iterations, 10000); i++)
            {
                if (pattern.Matches(evt)) matched++;
            }

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                if (pattern.Matches(evt)) matched++;
            }
            watch.Stop();
            GC.KeepAlive(matched);
            return iterations / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        }
    }
}
