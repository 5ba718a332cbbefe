using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;
using static SageMakerMonitoring.Core.Tests.Archive.ArchiveTestSupport;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>
    /// Bad archive locations are the module's own errors before anything is written: a NUL or an absurdly long path, a
    /// file where the folder should be, an S3 prefix S3 keys cannot hold; file system failures are translated (a full
    /// disk, no permission, a path too long) and never reach the user as .NET exceptions. Also -WhatIf's preview (writes
    /// nothing) and the progress percentage.
    /// </summary>
    [Collection("Archive")]
    public class ArchiveDestinationErrorTests : IClassFixture<ArchiveEmulatorFixture>
    {
        private readonly ArchiveEmulatorFixture _emulator;

        public ArchiveDestinationErrorTests(ArchiveEmulatorFixture emulator) => _emulator = emulator;

        public static TheoryData<string, string> BadLocalPaths => new TheoryData<string, string>
        {
            { "/tmp/a\0b", "NUL" },
            { "/tmp/" + new string('x', 100_000), "100,00" },
            { "/tmp/a\u0001b", "control character" },
            { " ", "empty" },
        };

        [Theory]
        [MemberData(nameof(BadLocalPaths))]
        public void BadFolderPathsAreInvalidArchivePath(string path, string says)
        {
            var ex = Assert.Throws<MonitoringException>(() => LocalArchiveDestination.Open(path));
            Assert.Equal("InvalidArchivePath", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.Contains(says, ex.Message);
            Assert.True(ex.Message.Length < 600, "the message repeats a huge path");
            Assert.NotNull(ex.RecommendedAction);
        }

        [Theory]
        [InlineData("s3://bucket/a/../b")]
        [InlineData("s3://bucket/../b")]
        [InlineData("s3://bucket/a/./b")]
        [InlineData("s3://bucket/a//b")]
        [InlineData("s3://bucket/a\\b")]
        [InlineData("s3://bucket/a\u0000b")]
        [InlineData("s3://Bucket_Upper/a")]
        [InlineData("s3://b/a")]
        [InlineData("s3:///a")]
        public void BadS3LocationsAreRefusedBeforeAnyCall(string url)
        {
            var ex = Assert.Throws<MonitoringException>(() => S3ArchiveDestination.ParseAndValidateUrl(url));
            Assert.Equal("InvalidArchivePath", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        }

        [Theory]
        [InlineData("s3://ml-metrics/prod/us-east-1", "ml-metrics", "prod/us-east-1")]
        [InlineData("s3://ml-metrics/prod/", "ml-metrics", "prod")]
        [InlineData("s3://ml-metrics", "ml-metrics", "")]
        [InlineData("s3://ml.metrics-1/a:b/c d", "ml.metrics-1", "a:b/c d")]
        public void GoodS3LocationsParse(string url, string bucket, string prefix)
        {
            Assert.Equal((bucket, prefix), S3ArchiveDestination.ParseAndValidateUrl(url));
        }

        [Fact]
        public async Task AFileWhereTheFolderShouldBeIsArchivePathIsFile()
        {
            await PrepareAsync(_emulator, Frozen);
            var file = Path.Combine(TempFolder(), "a-file");
            File.WriteAllText(file, "x");
            foreach (var path in new[] { file, Path.Combine(file, "below") })
            {
                var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, new LocalArchiveDestination(path), Options(_emulator, "none")));
                Assert.Equal("ArchivePathIsFile", ex.ErrorId);
                Assert.Equal(file, ex.TargetObject);
            }
        }

        [Fact]
        public void FileSystemFailuresBecomeTheModulesErrors()
        {
            var cases = new List<(Exception Raw, string Id, ErrorKind Kind)>
            {
                (new IOException("No space left on device", 28), "ArchiveDiskFull", ErrorKind.WriteError),
                (new IOException("There is not enough space on the disk.", unchecked((int)0x80070070)), "ArchiveDiskFull", ErrorKind.WriteError),
                (new IOException("Read-only file system", 30), "ArchivePathNotWritable", ErrorKind.PermissionDenied),
                (new UnauthorizedAccessException("Access to the path '/x/y' is denied."), "ArchivePathNotWritable", ErrorKind.PermissionDenied),
                (new PathTooLongException("too long"), "ArchivePathTooLong", ErrorKind.InvalidArgument),
                (new DirectoryNotFoundException("gone"), "ArchiveWriteFailed", ErrorKind.WriteError),
                (new FileNotFoundException("gone"), "ArchiveWriteFailed", ErrorKind.WriteError),
            };
            foreach (var (raw, id, kind) in cases)
            {
                var ex = ArchiveErrors.Translate(raw, "/archive");
                Assert.Equal(id, ex.ErrorId);
                Assert.Equal(kind, ex.Kind);
                Assert.Same(raw, ex.InnerException);
                Assert.Equal("/archive", ex.TargetObject);
                Assert.NotNull(ex.RecommendedAction);
            }
        }

        [Fact]
        public async Task AFailingDestinationNeverLeaksARawException()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "raw", 1, new[] { "CPUUtilization" }, 3600, Frozen);
            // A destination whose every file write fails as a .NET exception would.
            for (var step = 1; step <= 6; step++)
            {
                var crashing = new CrashingDestination(new LocalArchiveDestination(TempFolder()), step);
                var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, crashing, Options(_emulator, "raw")));
                Assert.Equal("ArchiveWriteFailed", ex.ErrorId);
                Assert.IsType<IOException>(ex.InnerException);
            }
        }

        [Fact]
        public async Task ThePreviewForWhatIfWritesNothing()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "preview", 2, new[] { "CPUUtilization" }, 3600, Frozen);
            var folder = Path.Combine(TempFolder(), "not-yet");
            var clients = Clients(_emulator.Url);
            var preview = await new ArchiveExporter(clients.CreateCloudWatch(), clients.CreateSageMaker(), new LocalArchiveDestination(folder))
                .PreviewAsync(Options(_emulator, "preview"), default);
            Assert.False(Directory.Exists(folder));
            Assert.Equal(2, preview.Series.Count);
            Assert.Equal(Frozen.AddHours(-2).AddMinutes(-5), preview.From);
            Assert.Equal(Frozen.AddMinutes(-5), preview.Through);
            var text = preview.Describe();
            Assert.Contains("export 2 series (CPUUtilization Average of preview algo-1, CPUUtilization Average of preview algo-2)", text);
            Assert.Contains("from 2026-11-28T07:55:00Z to 2026-11-28T09:55:00Z in 3 commits", text);
        }

        [Fact]
        public void ProgressIsTheShareOfTheTimeRangeDone()
        {
            var t = Frozen;
            var member = new[] { new ArchiveWindowMember(0, t, null) };
            // Two days at 1 minute, then one hour at 1 second: the day windows are 48 of the 49 hours.
            var plan = new ArchivePlan(new List<ArchiveWindow>
            {
                new ArchiveWindow(t, t.AddDays(1), 60, member),
                new ArchiveWindow(t.AddDays(1), t.AddDays(2), 60, member),
                new ArchiveWindow(t.AddDays(2), t.AddDays(2).AddHours(1), 1, member),
            }, Array.Empty<(int, DateTime, DateTime)>(), t);
            Assert.Equal(0, plan.PercentDoneBefore(0));
            Assert.Equal(24 * 100 / 49, plan.PercentDoneBefore(1));
            Assert.Equal(48 * 100 / 49, plan.PercentDoneBefore(2));
            Assert.Equal(100, plan.PercentDoneBefore(3));
        }
    }
}
