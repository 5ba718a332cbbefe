using System;
using System.Diagnostics;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// Measures matching speed for a typical SageMaker rule (source + detail-type + a status list + a name prefix)
    /// against a typical training-job state-change event, on the calling thread.
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

        /// <summary>
        /// Runs <paramref name="iterations"/> checks of the compiled pattern against the pre-parsed event (after a short
        /// warm-up), then, in the same run, the same work the slow ways: the event parsed for every check, and both
        /// pattern and event parsed for every check (the baseline). Single-threaded. Rates are per second of CPU time
        /// the process spent (what one core achieves, independent of other load on the machine); each figure is the
        /// best of three interleaved rounds.
        /// </summary>
        public static EventPatternBenchmarkResult Run(int iterations)
        {
            if (iterations <= 0) throw new ArgumentOutOfRangeException(nameof(iterations));
            var pattern = EventPattern.Parse(TypicalPattern);
            var evt = ParsedEvent.Parse(TypicalEvent);
            if (!pattern.Matches(evt)) throw new InvalidOperationException("The benchmark event must match the benchmark pattern.");

            const int rounds = 3;
            var perRound = Math.Max(1, iterations / rounds);
            var slowPerRound = Math.Max(1, perRound / 20);
            double compiled = 0, parsedEachTime = 0, baseline = 0;
            for (var round = 0; round < rounds; round++)
            {
                compiled = Math.Max(compiled, Measure(perRound, () => pattern.Matches(evt)));
                parsedEachTime = Math.Max(parsedEachTime, Measure(slowPerRound, () => pattern.Matches(TypicalEvent)));
                baseline = Math.Max(baseline, Measure(slowPerRound, () => EventPattern.Parse(TypicalPattern).Matches(TypicalEvent)));
            }
            return new EventPatternBenchmarkResult(perRound * rounds, compiled, parsedEachTime, baseline);
        }

        private static double Measure(int iterations, Func<bool> check)
        {
            var matched = 0;
            for (var i = 0; i < Math.Min(iterations, 10000); i++)
            {
                if (check()) matched++;
            }
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                if (check()) matched++;
            }
            watch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            GC.KeepAlive(matched);
            // CPU time has a coarse clock (10 ms on Linux); fall back to wall time for very short runs.
            var seconds = cpu >= 0.05 ? Math.Min(cpu, watch.Elapsed.TotalSeconds) : watch.Elapsed.TotalSeconds;
            return iterations / Math.Max(seconds, 1e-9);
        }
    }
}
