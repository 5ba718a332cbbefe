using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    public class ArchiveLayoutTests
    {
        [Fact]
        public void PartitionsAreHiveStyleWithEscapedValues()
        {
            Assert.Equal("namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=job-1/date=2026-11-28",
                ArchiveLayout.PartitionPath("/aws/sagemaker/TrainingJobs", "job-1", new DateTime(2026, 11, 28, 13, 0, 0, DateTimeKind.Utc)));
            Assert.Equal("a%3Db%25c%3Ad", ArchiveLayout.Escape("a=b%c:d"));
            Assert.Equal("/aws/x=y", ArchiveLayout.Unescape(ArchiveLayout.Escape("/aws/x=y")));
        }

        [Fact]
        public void FileNamesComeFromTheFirstTimestampAndTheCommit()
        {
            var name = ArchiveLayout.FileName(new DateTime(2026, 11, 28, 9, 5, 0, DateTimeKind.Utc), 12, ArchiveFormat.JsonLines);
            Assert.Equal("part-20261128T090500Z-00000012.jsonl.gz", name);
            Assert.True(ArchiveLayout.IsDataFile("namespace=x/resource=y/date=2026-11-28/" + name));
            Assert.False(ArchiveLayout.IsDataFile("x/" + ArchiveLayout.TemporaryName(name)));
            Assert.False(ArchiveLayout.IsDataFile(ArchiveLayout.CheckpointName));
        }

        [Fact]
        public void CheckpointRoundTrips()
        {
            var cp = new ArchiveCheckpoint { Format = ArchiveFormat.Csv, Sequence = 7, Updated = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc) };
            var state = new ArchiveSeriesState("/aws/sagemaker/TrainingJobs", "CPUUtilization", new[] { new MetricDimension("Host", "j/algo-1") }, "Average",
                SageMakerMonitoring.Core.Catalog.SageMakerResourceType.TrainingJob, "j", "algo-1", null)
            {
                ExportedThrough = new DateTime(2026, 11, 28, 9, 55, 0, DateTimeKind.Utc), Period = 1, Resolution = 60,
            };
            cp.Series[state.Key] = state;
            cp.Gaps.Add(new ArchiveGap(state.Key, state.ResourceType, "j", "algo-1", null, "CPUUtilization", "Average",
                new DateTime(2026, 11, 28, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc), 1, 60, new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc)));
            cp.Pending = new ArchivePendingBatch(8, new[] { "namespace=a/resource=b/date=2026-11-28/part-20261128T090000Z-00000008.csv.gz" });

            var back = ArchiveCheckpoint.Parse(cp.Serialize(), "test");
            Assert.Equal(ArchiveFormat.Csv, back.Format);
            Assert.Equal(7, back.Sequence);
            var s = Assert.Single(back.Series.Values);
            Assert.Equal(state.Key, s.Key);
            Assert.Equal(state.ExportedThrough, s.ExportedThrough);
            Assert.Equal(60, s.Resolution);
            Assert.Equal(60, Assert.Single(back.Gaps).ExportedPeriod);
            Assert.Equal(new[] { "namespace=a/resource=b/date=2026-11-28/part-20261128T090000Z-00000008.csv.gz" }, back.Pending!.Files);
        }

        [Fact]
        public void DamagedCheckpointIsAClearError()
        {
            var ex = Assert.Throws<SageMakerMonitoring.Core.Infrastructure.MonitoringException>(() => ArchiveCheckpoint.Parse(Encoding.UTF8.GetBytes("{\"version\":1,"), "/x/_checkpoint.json"));
            Assert.Equal("ArchiveCheckpointInvalid", ex.ErrorId);
            Assert.Contains("/x/_checkpoint.json", ex.Message);
        }
    }
}
