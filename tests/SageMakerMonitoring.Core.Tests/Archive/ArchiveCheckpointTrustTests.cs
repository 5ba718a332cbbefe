using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;
using static SageMakerMonitoring.Core.Tests.Archive.ArchiveTestSupport;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>
    /// The checkpoint is read back from a folder others may write to: a pending commit whose files lead outside the
    /// archive is <c>ArchiveCheckpointInvalid</c> and nothing is deleted, outside or inside. Also the states a kill
    /// leaves around the checkpoint: a torn temporary checkpoint and the lock file of a dead process.
    /// </summary>
    [Collection("Archive")]
    public class ArchiveCheckpointTrustTests : IClassFixture<ArchiveEmulatorFixture>
    {
        private const string Good = "namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=trust/date=2026-11-28/part-20261128T090000Z-00000099.jsonl.gz";
        private readonly ArchiveEmulatorFixture _emulator;

        public ArchiveCheckpointTrustTests(ArchiveEmulatorFixture emulator) => _emulator = emulator;

        /// <summary>An archive with one finished commit; returns its folder and the rows it holds.</summary>
        private async Task<(string Folder, int Rows)> ArchiveAsync()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "trust", 1, new[] { "CPUUtilization" }, 3600, Frozen);
            var folder = TempFolder();
            var options = Options(_emulator, "trust");
            options.EndTime = Frozen.AddMinutes(-30);
            await ExportAsync(_emulator, new LocalArchiveDestination(folder), options);
            return (folder, (await RowsAsync(new LocalArchiveDestination(folder))).Count);
        }

        private static void SetPending(string folder, JsonArray files, long sequence = 99)
        {
            var path = Path.Combine(folder, ArchiveLayout.CheckpointName);
            var checkpoint = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            checkpoint["pending"] = new JsonObject { ["sequence"] = sequence, ["files"] = files };
            File.WriteAllText(path, checkpoint.ToJsonString());
        }

        public static TheoryData<string> HostilePaths => new TheoryData<string>
        {
            "../victim.txt",
            "../../victim.txt",
            "namespace=x/../../victim.txt",
            "/tmp/victim.txt",
            "\\\\server\\share\\part-1-00000099.jsonl.gz",
            "C:/victim/part-1-00000099.jsonl.gz",
            "namespace=x/resource=y/date=2026-11-28/part-1\u0000-00000099.jsonl.gz",
            "namespace=x/./resource=y/part-20261128T090000Z-00000099.jsonl.gz",
            "namespace=x//part-20261128T090000Z-00000099.jsonl.gz",
            "_checkpoint.json",
            // A finished commit's file (commit 1) named as if it were unfinished.
            "namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=trust/date=2026-11-28/part-20261128T082500Z-00000001.jsonl.gz",
            "",
        };

        [Theory]
        [MemberData(nameof(HostilePaths))]
        public async Task APendingPathOutsideTheArchiveDeletesNothing(string hostile)
        {
            var (folder, rows) = await ArchiveAsync();
            var victim = Path.Combine(Path.GetDirectoryName(folder)!, "victim.txt");
            var parent = Path.Combine(folder, "..", "victim.txt");
            File.WriteAllText(victim, "keep me");
            // The good entry comes first: it must not be deleted either when a later one is refused.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, Good))!);
            File.WriteAllText(Path.Combine(folder, Good), "not really gzip");
            SetPending(folder, new JsonArray(Good, hostile));

            var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "trust")));
            Assert.Equal("ArchiveCheckpointInvalid", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, ex.Kind);
            Assert.True(File.Exists(victim));
            Assert.True(File.Exists(parent));
            Assert.True(File.Exists(Path.Combine(folder, Good)), "the valid entry was deleted although the checkpoint was refused");
            File.Delete(Path.Combine(folder, Good));
            Assert.Equal(rows, (await RowsAsync(new LocalArchiveDestination(folder))).Count);
        }

        [Theory]
        [InlineData("[null]")]
        [InlineData("[42]")]
        [InlineData("[{\"path\":\"x\"}]")]
        [InlineData("null")]
        [InlineData("\"../victim.txt\"")]
        public async Task PendingEntriesThatAreNotPathsAreRefused(string files)
        {
            var (folder, _) = await ArchiveAsync();
            var path = Path.Combine(folder, ArchiveLayout.CheckpointName);
            var text = File.ReadAllText(path).TrimEnd().TrimEnd('}') + ",\"pending\":{\"sequence\":99,\"files\":" + files + "}}";
            File.WriteAllText(path, text);
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "trust")));
            Assert.Equal("ArchiveCheckpointInvalid", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        }

        [Fact]
        public async Task APendingPathThroughASymbolicLinkDeletesNothing()
        {
            var (folder, _) = await ArchiveAsync();
            var outside = TempFolder();
            var victim = Path.Combine(outside, "date=2026-11-28", "part-20261128T090000Z-00000099.jsonl.gz");
            Directory.CreateDirectory(Path.GetDirectoryName(victim)!);
            File.WriteAllText(victim, "keep me");
            // resource=linked is a symbolic link to a folder outside the archive.
            var link = Path.Combine(folder, "namespace=%2Faws%2Fsagemaker%2FTrainingJobs", "resource=linked");
            Directory.CreateSymbolicLink(link, outside);
            SetPending(folder, new JsonArray("namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=linked/date=2026-11-28/part-20261128T090000Z-00000099.jsonl.gz"));

            var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "trust")));
            Assert.Equal("ArchiveCheckpointInvalid", ex.ErrorId);
            Assert.Contains("symbolic link", ex.Message);
            Assert.True(File.Exists(victim));
        }

        [Fact]
        public async Task ASeriesFolderOutsideTheArchiveIsRefused()
        {
            var (folder, _) = await ArchiveAsync();
            var path = Path.Combine(folder, ArchiveLayout.CheckpointName);
            var checkpoint = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            foreach (var s in checkpoint["series"]!.AsArray()) s!["folder"] = "../escape";
            File.WriteAllText(path, checkpoint.ToJsonString());
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "trust")));
            Assert.Equal("ArchiveCheckpointInvalid", ex.ErrorId);
            Assert.False(Directory.Exists(Path.Combine(folder, "..", "escape")));
        }

        [Fact]
        public async Task ATornTemporaryCheckpointAndADeadProcessLockAreHarmless()
        {
            var (folder, rows) = await ArchiveAsync();
            // What a kill during a checkpoint write leaves: half a temporary checkpoint beside the real one.
            File.WriteAllText(Path.Combine(folder, ArchiveLayout.TemporaryName(ArchiveLayout.CheckpointName)), "{\"version\":1,\"format\":\"js");
            // The lock file of a run that died: its owner record names a process that no longer exists.
            using (var dead = Process.Start(new ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!)
            {
                dead.WaitForExit();
                File.WriteAllText(Path.Combine(folder, ArchiveLayout.LockName), $"{{\"host\":\"{Environment.MachineName}\",\"pid\":{dead.Id},\"since\":\"2026-11-28T09:00:00Z\"}}\n");
            }
            var summary = await ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "trust"));
            Assert.True(summary.Datapoints > 0);
            Assert.Equal(rows + summary.Datapoints, (await RowsAsync(new LocalArchiveDestination(folder))).Count);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        }

        [Fact]
        public void PathRulesAreTheSameWhateverTheSystem()
        {
            Assert.True(ArchiveLayout.IsSafeDataFilePath(Good));
            Assert.True(ArchiveLayout.IsFileOfCommit(Good, 99));
            Assert.False(ArchiveLayout.IsFileOfCommit(Good, 9));
            Assert.False(ArchiveLayout.IsSafeDataFilePath(null));
            Assert.False(ArchiveLayout.IsSafeDataFilePath("a/.../part-1-00000002.jsonl.gz"));
            Assert.False(ArchiveLayout.IsSafeDataFilePath("a/ /part-1-00000002.jsonl.gz"));
            Assert.False(ArchiveLayout.IsSafeDataFilePath(new string('a', 500) + "/part-1-00000002.jsonl.gz"));
            Assert.False(ArchiveLayout.IsSafeDataFilePath("a/part-1-00000002.txt"));
            Assert.True(ArchiveLayout.IsSeriesFolder("namespace=x/resource=y"));
            Assert.False(ArchiveLayout.IsSeriesFolder("namespace=x/resource=y/date=z"));
            Assert.False(ArchiveLayout.IsSeriesFolder("namespace=/resource=y"));
        }

        [Fact]
        public void TheCheckpointItselfRefusesABadPendingCommit()
        {
            var cp = new ArchiveCheckpoint { Sequence = 5, Pending = new ArchivePendingBatch(5, new[] { Good.Replace("00000099", "00000005") }) };
            var ex = Assert.Throws<MonitoringException>(() => ArchiveCheckpoint.Parse(cp.Serialize(), "cp"));
            Assert.Contains("not after the last finished commit", ex.Message);
            var bytes = Encoding.UTF8.GetBytes("{\"version\":1,\"format\":\"jsonl\",\"sequence\":1,\"series\":[{\"ns\":null,\"metric\":\"m\",\"stat\":\"s\",\"dims\":{},\"type\":\"TrainingJob\",\"resource\":\"r\",\"period\":1,\"resolution\":1}],\"gaps\":[]}");
            Assert.Equal("ArchiveCheckpointInvalid", Assert.Throws<MonitoringException>(() => ArchiveCheckpoint.Parse(bytes, "cp")).ErrorId);
        }
    }
}
