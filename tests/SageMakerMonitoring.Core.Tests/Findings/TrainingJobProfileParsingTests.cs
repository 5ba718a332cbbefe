using System.Text;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Aws.SageMaker;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Resources;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Findings
{
    /// <summary>DescribeTrainingJob's ProfilerConfig, ProfilingStatus and instance groups (botocore sagemaker shapes), and
    /// which instance type each host of a heterogeneous cluster gets.</summary>
    public class TrainingJobProfileParsingTests
    {
        private static SageMakerJobDescription Read(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            return SageMakerClient.ReadTrainingJob(ref reader);
        }

        private static SageMakerResourceDescription Described(SageMakerJobDescription job) =>
            new SageMakerResourceDescription(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "t"), job.Status, job.CreationTime, job.LastModifiedTime) { Job = job };

        [Fact]
        public void ReadsProfilerConfigAndStatus()
        {
            var job = Read("{\"TrainingJobName\":\"t\",\"TrainingJobStatus\":\"Completed\",\"ResourceConfig\":{\"InstanceType\":\"ml.p3.8xlarge\",\"InstanceCount\":2},"
                + "\"ProfilerConfig\":{\"S3OutputPath\":\"s3://b/p\",\"ProfilingIntervalInMilliseconds\":200,\"ProfilingParameters\":{\"DataloaderProfilingConfig\":\"{}\"},\"DisableProfiler\":false},"
                + "\"ProfilingStatus\":\"Enabled\",\"ProfilerRuleEvaluationStatuses\":[{\"RuleConfigurationName\":\"ProfilerReport\"}]}");
            Assert.Equal(("s3://b/p", 200L, false, "Enabled"), (job.ProfilerS3OutputPath, job.ProfilingIntervalInMilliseconds, job.ProfilerDisabled, job.ProfilingStatus));
            Assert.Equal("ml.p3.8xlarge", job.InstanceType);
            Assert.Empty(job.InstanceGroups);
            var described = Described(job);
            Assert.Equal(("s3://b/p", 200L, "Enabled", "ml.p3.8xlarge"),
                (described.ProfilerS3OutputPath, described.ProfilingIntervalInMilliseconds, described.ProfilingStatus, described.InstanceType));

            var off = Read("{\"TrainingJobName\":\"t\",\"ProfilerConfig\":{\"S3OutputPath\":\"s3://b/p\",\"DisableProfiler\":true},\"ProfilingStatus\":\"Disabled\"}");
            Assert.True(off.ProfilerDisabled);
            Assert.Null(off.ProfilingIntervalInMilliseconds);
        }

        [Fact]
        public void HostsOfAHeterogeneousClusterFollowTheGroups()
        {
            var job = Read("{\"TrainingJobName\":\"t\",\"ResourceConfig\":{\"InstanceGroups\":[{\"InstanceType\":\"ml.p4d.24xlarge\",\"InstanceCount\":2,\"InstanceGroupName\":\"gpu\"},"
                + "{\"InstanceType\":\"ml.c5.xlarge\",\"InstanceCount\":1,\"InstanceGroupName\":\"cpu\"}]}}");
            Assert.Equal(2, job.InstanceGroups.Count);
            Assert.Equal(new InstanceGroupDescription("cpu", "ml.c5.xlarge", 1), job.InstanceGroups[1]);
            var of = UtilizationService.HostInstances(Described(job));
            Assert.Equal(8, of("algo-2")!.Gpus);
            Assert.Equal(0, of("algo-3")!.Gpus);
        }
    }
}
