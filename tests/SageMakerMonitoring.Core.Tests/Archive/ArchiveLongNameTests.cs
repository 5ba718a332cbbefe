using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Archive;
using Xunit;
using static SageMakerMonitoring.Core.Tests.Archive.ArchiveTestSupport;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>
    /// Partition folders stay within every file system's limits whatever a resource or dimension holds, the full value
    /// stays in the rows, archives written with the unbounded layout continue in their folders, and -All skips (with a
    /// warning) a series it cannot store instead of failing the region.
    /// </summary>
    [Collection("Archive")]
    public class ArchiveLongNameTests : IClassFixture<ArchiveEmulatorFixture>
    {
        private readonly ArchiveEmulatorFixture _emulator;

        public ArchiveLongNameTests(ArchiveEmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public void LongPartitionValuesAreABoundedPrefixAndAHash()
        {
            Assert.Equal("job-1", ArchiveLayout.PartitionValue("job-1"));
            var a = ArchiveLayout.PartitionValue(new string('a', 300));
            var b = ArchiveLayout.PartitionValue(new string('a', 299) + "b");
            Assert.True(a.Length <= ArchiveLayout.MaxPartitionValueLength);
            Assert.NotEqual(a, b);
            Assert.StartsWith(new string('a', 40), a);
            Assert.Matches("~[0-9a-f]{16}$", a);
            // Escapes are never cut in half, and the bounded value is still a valid escaped name.
            var slashes = ArchiveLayout.PartitionValue(string.Concat(Enumerable.Repeat("/x", 100)));
            Assert.True(slashes.Length <= ArchiveLayout.MaxPartitionValueLength);
            var prefix = slashes.Substring(0, slashes.IndexOf('~'));
            Assert.DoesNotMatch("%.?$", prefix);
            Assert.Equal(prefix, ArchiveLayout.Escape(ArchiveLayout.Unescape(prefix)));
            // Every character outside ASCII counts up to 3 bytes: still under 255 bytes.
            Assert.True(Encoding.UTF8.GetByteCount(ArchiveLayout.PartitionValue(new string('é', 400))) < 255);
        }

        [Fact]
        public async Task AThreeHundredCharacterHostUnderAllIsArchived()
        {
            await PrepareAsync(_emulator, Frozen);
            var job = "long-" + new string('j', 288);
            await SyntheticAsync(_emulator, job, 1, new[] { "CPUUtilization" }, 3600, Frozen);
            await SyntheticAsync(_emulator, "short-job", 1, new[] { "CPUUtilization" }, 3600, Frozen);
            var folder = TempFolder();
            var options = Options(_emulator);
            options.All = true;
            var reporter = new RecordingReporter();
            var summary = await ExportAsync(_emulator, new LocalArchiveDestination(folder), options, reporter);

            Assert.Equal(2, summary.Series);
            Assert.Empty(reporter.Warnings);
            var rows = (await RowsAsync(new LocalArchiveDestination(folder))).Select(r => r.Split('|')).ToList();
            Assert.Equal(summary.Datapoints, rows.Count);
            Assert.Contains(rows, r => r[1] == job && r[2] == "algo-1");
            Assert.All(Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories),
                e => Assert.True(Path.GetFileName(e).Length <= 80, $"{Path.GetFileName(e).Length} characters: {Path.GetFileName(e)}"));
            Assert.Single(Directory.GetDirectories(Path.Combine(folder, "namespace=%2Faws%2Fsagemaker%2FTrainingJobs"), "resource=long-jjj*~*"));
            using var checkpoint = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ArchiveLayout.CheckpointName)));
            Assert.Contains(checkpoint.RootElement.GetProperty("series").EnumerateArray(), s => s.GetProperty("folder").GetString()!.Contains('~'));
        }

        [Fact]
        public async Task AnArchiveWithTheUnboundedLayoutContinuesInItsFolders()
        {
            await PrepareAsync(_emulator, Frozen);
            var job = "legacy-" + new string('x', 100);
            await SyntheticAsync(_emulator, job, 1, new[] { "CPUUtilization" }, 3 * 3600, Frozen);
            var folder = TempFolder();
            var early = Options(_emulator, job);
            early.EndTime = Frozen.AddMinutes(-60);
            await ExportAsync(_emulator, new LocalArchiveDestination(folder), early);

            // Make it what the module wrote before folders were bounded and recorded: the full escaped name, no "folder".
            var ns = Path.Combine(folder, "namespace=%2Faws%2Fsagemaker%2FTrainingJobs");
            var bounded = Assert.Single(Directory.GetDirectories(ns));
            var legacy = Path.Combine(ns, "resource=" + job);
            Directory.Move(bounded, legacy);
            var path = Path.Combine(folder, ArchiveLayout.CheckpointName);
            var cp = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            foreach (var s in cp["series"]!.AsArray()) s!.AsObject().Remove("folder");
            File.WriteAllText(path, cp.ToJsonString());
            var before = Directory.GetFiles(legacy, "part-*", SearchOption.AllDirectories).Length;

            var summary = await ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, job));
            Assert.True(summary.Files > 0);
            Assert.Equal(new[] { legacy }, Directory.GetDirectories(ns));
            Assert.Equal(before + summary.Files, Directory.GetFiles(legacy, "part-*", SearchOption.AllDirectories).Length);
            var rows = await RowsAsync(new LocalArchiveDestination(folder));
            Assert.Equal(rows.Count, rows.Distinct().Count());
            using var after = JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.All(after.RootElement.GetProperty("series").EnumerateArray(), s => Assert.Equal("namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=" + job, s.GetProperty("folder").GetString()));
        }

        [Fact]
        public async Task AllWarnsAndSkipsASeriesItCannotStoreAndArchivesTheRest()
        {
            await PrepareAsync(_emulator, Frozen);
            var job = "huge-" + new string('h', 288);
            await SyntheticAsync(_emulator, job, 1, new[] { "CPUUtilization" }, 3 * 3600, Frozen);
            await SyntheticAsync(_emulator, "fine-job", 1, new[] { "CPUUtilization" }, 3 * 3600, Frozen);
            var folder = TempFolder();
            var early = Options(_emulator);
            early.All = true;
            early.EndTime = Frozen.AddMinutes(-60);
            await ExportAsync(_emulator, new LocalArchiveDestination(folder), early);
            // A checkpoint of an older version knows the long series without a folder: its unbounded folder name
            // (over 255 bytes) is one no file system holds.
            var path = Path.Combine(folder, ArchiveLayout.CheckpointName);
            var cp = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            foreach (var s in cp["series"]!.AsArray()) s!.AsObject().Remove("folder");
            File.WriteAllText(path, cp.ToJsonString());

            var options = Options(_emulator);
            options.All = true;
            var reporter = new RecordingReporter();
            var summary = await ExportAsync(_emulator, new LocalArchiveDestination(folder), options, reporter);
            Assert.Equal(1, summary.Series);
            Assert.True(summary.Datapoints > 0);
            var warning = Assert.Single(reporter.Warnings);
            Assert.Contains("Skipped CPUUtilization Average of huge-", warning);
            Assert.Contains("longer than 255 bytes", warning);

            // Named, the same series is an error rather than a silent skip.
            var named = Options(_emulator, job);
            var ex = await Assert.ThrowsAsync<SageMakerMonitoring.Core.Infrastructure.MonitoringException>(() => ExportAsync(_emulator, new LocalArchiveDestination(folder), named));
            Assert.Equal("ArchivePathTooLong", ex.ErrorId);
        }
    }
}
