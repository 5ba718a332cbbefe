using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Debugger;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Debugger
{
    public class DebuggerSystemLocationTests
    {
        private static SageMakerJobDescription Job(string? path, long? interval = null, string? status = "Enabled") => new SageMakerJobDescription
        {
            Name = "train-1",
            ProfilerS3OutputPath = path,
            ProfilingIntervalInMilliseconds = interval,
            ProfilingStatus = status,
        };

        [Fact]
        public void BuildsTheDocumentedLayout()
        {
            var location = DebuggerSystemLocation.For(Job("s3://my-bucket/profiles/"), out var whyNot);
            Assert.Null(whyNot);
            Assert.Equal("my-bucket", location!.Bucket);
            Assert.Equal("profiles/train-1/profiler-output/system/incremental/", location.SystemPrefix);
            Assert.Equal(500, location.IntervalMilliseconds);
            // 1591160880 = 2020-06-03T05:08:00Z
            Assert.Equal("profiles/train-1/profiler-output/system/incremental/2020060305/",
                location.HourPrefix(new System.DateTime(2020, 6, 3, 5, 0, 0, System.DateTimeKind.Utc)));
            Assert.True(location.TryParseKey("profiles/train-1/profiler-output/system/incremental/2020060305/1591160880.algo-2.json", out var minute, out var host));
            Assert.Equal((1591160880L, "algo-2"), (minute, host));
        }

        [Theory]
        [InlineData("profiles/train-1/profiler-output/system/incremental/2020060306/1591160880.algo-2.json")] // wrong hour folder
        [InlineData("profiles/train-1/profiler-output/system/incremental/2020060305/1591160880.algo-2.json.tmp")]
        [InlineData("profiles/train-1/profiler-output/system/incremental/2020060305/../1591160880.algo-2.json")]
        [InlineData("profiles/train-2/profiler-output/system/incremental/2020060305/1591160880.algo-2.json")]
        [InlineData("profiles/train-1/profiler-output/framework/pevents/2020060305/1591160880_algo-2_model_timeline.json")]
        [InlineData("profiles/train-1/profiler-output/system/incremental/2020060305/1591160880.algo-0.json")]
        public void RejectsKeysThatAreNotTheJobsSystemFiles(string key)
        {
            var location = DebuggerSystemLocation.For(Job("s3://my-bucket/profiles"), out _)!;
            Assert.False(location.TryParseKey(key, out _, out _));
        }

        [Fact]
        public void SaysWhyThereIsNoData()
        {
            Assert.Null(DebuggerSystemLocation.For(Job(null), out var noPath));
            Assert.Contains("S3OutputPath", noPath);
            Assert.Null(DebuggerSystemLocation.For(Job("s3://b-1/x", status: "Disabled"), out var disabled));
            Assert.Contains("disabled", disabled);
        }

        [Theory]
        [InlineData("https://bucket/x")]
        [InlineData("s3://")]
        [InlineData("s3://ab/x")]
        [InlineData("s3://bucket/../x")]
        public void BadPathsAreClearErrors(string path)
        {
            var ex = Assert.Throws<MonitoringException>(() => DebuggerSystemLocation.For(Job(path), out _));
            Assert.Equal("ProfilerOutputPathNotValid", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        }

        [Fact]
        public void AnIntervalSageMakerDoesNotAllowIsAClearError()
        {
            var ex = Assert.Throws<MonitoringException>(() => DebuggerSystemLocation.For(Job("s3://bucket/x", 300), out _));
            Assert.Equal("ProfilingIntervalNotValid", ex.ErrorId);
        }
    }
}
