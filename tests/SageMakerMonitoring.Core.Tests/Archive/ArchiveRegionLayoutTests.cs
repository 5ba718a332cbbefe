using System;
using System.Linq;
using System.Text;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>The region=… partition in the layout and the checkpoint, which is read back as untrusted input.</summary>
    public sealed class ArchiveRegionLayoutTests
    {
        [Fact]
        public void The_region_partition_comes_before_the_namespace()
        {
            Assert.Equal("region=eu-west-1/namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=job",
                ArchiveLayout.SeriesFolder("eu-west-1", "/aws/sagemaker/TrainingJobs", "job"));
        }

        [Theory]
        [InlineData("namespace=a/resource=b", true)]
        [InlineData("region=eu-west-1/namespace=a/resource=b", true)]
        [InlineData("region=../namespace=a/resource=b", false)]
        [InlineData("region=EU_WEST/namespace=a/resource=b", false)]
        [InlineData("region=/namespace=a/resource=b", false)]
        [InlineData("other=x/namespace=a/resource=b", false)]
        [InlineData("region=eu-west-1/region=us-east-1/namespace=a/resource=b", false)]
        public void Checkpoint_folders_may_start_with_a_region_name(string folder, bool valid)
        {
            Assert.Equal(valid, ArchiveLayout.IsSeriesFolder(folder));
        }

        private static byte[] Checkpoint(string folder, string? region) => Encoding.UTF8.GetBytes(
            "{\"version\":" + ArchiveCheckpoint.CurrentVersion + ",\"format\":\"jsonl\",\"sequence\":1,\"series\":[{\"ns\":\"/aws/sagemaker/TrainingJobs\",\"metric\":\"CPUUtilization\","
            + "\"stat\":\"Average\",\"dims\":{\"Host\":\"job/algo-1\"},\"type\":\"TrainingJob\",\"resource\":\"job\",\"period\":1,\"resolution\":1,"
            + "\"folder\":\"" + folder + "\"" + (region is null ? "" : ",\"region\":\"" + region + "\"") + "}],\"gaps\":[]}");

        [Fact]
        public void A_regional_series_is_keyed_by_its_region_and_an_old_one_is_not()
        {
            var regional = ArchiveCheckpoint.Parse(Checkpoint("region=eu-west-1/namespace=x/resource=job", "eu-west-1"), "cp");
            var old = ArchiveCheckpoint.Parse(Checkpoint("namespace=x/resource=job", "us-east-1"), "cp");
            var baseKey = ArchiveSeriesState.KeyOf("/aws/sagemaker/TrainingJobs", "CPUUtilization", new[] { new MetricDimension("Host", "job/algo-1") }, "Average");
            Assert.Equal(baseKey + "|region=eu-west-1", regional.Series.Keys.Single());
            Assert.Equal(baseKey, old.Series.Keys.Single());
            Assert.Equal("us-east-1", old.Series.Values.Single().Region);
            // Written back as read.
            var again = ArchiveCheckpoint.Parse(regional.Serialize(), "cp");
            Assert.Equal(regional.Series.Keys.Single(), again.Series.Keys.Single());
        }

        [Theory]
        [InlineData("region=eu-west-1/namespace=x/resource=job", null)]          // a regional folder must say its region
        [InlineData("region=eu-west-1/namespace=x/resource=job", "us-east-1")]   // and it must be the folder's
        [InlineData("namespace=x/resource=job", "../../etc")]                    // a region is a Region name
        public void A_region_that_does_not_fit_its_folder_is_an_untrusted_checkpoint(string folder, string? region)
        {
            var error = Assert.Throws<MonitoringException>(() => ArchiveCheckpoint.Parse(Checkpoint(folder, region), "cp"));
            Assert.Equal("ArchiveCheckpointInvalid", error.ErrorId);
        }
    }
}
