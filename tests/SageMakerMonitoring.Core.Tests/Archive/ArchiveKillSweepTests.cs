using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Archive;
using Xunit;
using static SageMakerMonitoring.Core.Tests.Archive.ArchiveTestSupport;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>
    /// Kills an export at every step that changes the destination (a temporary file half or fully written, a folder
    /// created, a rename, a PutObject, a rollback delete), through <see cref="ArchiveFaultInjector"/>, which leaves the
    /// destination exactly as a killed process would (temporary files stay). The next, unfaulted run must finish with
    /// the archive an uninterrupted run makes: the same rows, the same data files, no temporary file, no pending commit.
    /// Covered: the first commit of a new archive, a day rollover, a resource that appears under -All, an S3 prefix, and
    /// a kill during the recovery of a killed run.
    /// </summary>
    [Collection("Archive")]
    public class ArchiveKillSweepTests : IClassFixture<ArchiveEmulatorFixture>
    {
        private static readonly string[] OneMetric = { "CPUUtilization" };
        private readonly ArchiveEmulatorFixture _emulator;

        public ArchiveKillSweepTests(ArchiveEmulatorFixture emulator) => _emulator = emulator;

        private ArchiveExportOptions Short(params string[] jobs)
        {
            var options = Options(_emulator, jobs);
            options.InitialLookBack = TimeSpan.FromMinutes(90);
            return options;
        }

        private ArchiveExportOptions AllJobs()
        {
            var options = Short();
            options.All = true;
            return options;
        }

        [Fact]
        public async Task KillAtEveryStepOfTheFirstRunOfANewArchive()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "kill-first", 2, OneMetric, 3 * 3600, Frozen);
            var steps = await SweepLocalAsync(setup: null, run: () => Short("kill-first"));
            Assert.Contains(steps, s => s.Contains("partition folder created"));
        }

        [Fact]
        public async Task KillAtEveryStepOfARunThatCrossesMidnight()
        {
            var now = new DateTime(2026, 11, 29, 0, 40, 0, DateTimeKind.Utc);
            await PrepareAsync(_emulator, now);
            await SyntheticAsync(_emulator, "kill-day", 1, OneMetric, 3 * 3600, now);
            var steps = await SweepLocalAsync(
                setup: () =>
                {
                    var first = Short("kill-day");
                    first.EndTime = new DateTime(2026, 11, 28, 23, 20, 0, DateTimeKind.Utc);
                    return first;
                },
                run: () => Short("kill-day"),
                expectFolder: "date=2026-11-29");
            Assert.Contains(steps, s => s.Contains("partition folder created"));
        }

        [Fact]
        public async Task KillAtEveryStepWhenANewResourceAppearsUnderAll()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "kill-old", 1, OneMetric, 3 * 3600, Frozen);
            // The new job's metrics exist from the start; the first run only sees the old one because -All is narrowed
            // to it by the checkpoint of a named run.
            var steps = await SweepLocalAsync(
                setup: () => Short("kill-old"),
                run: AllJobs,
                beforeRun: () => SyntheticAsync(_emulator, "kill-new", 1, OneMetric, 3 * 3600, Frozen),
                expectFolder: "resource=kill-new");
            Assert.Contains(steps, s => s.Contains("partition folder created"));
        }

        [Fact]
        public async Task KillAtEveryStepOfTheRecoveryOfAKilledRun()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "kill-twice", 2, OneMetric, 3 * 3600, Frozen);
            var expected = await UninterruptedAsync(null, () => Short("kill-twice"), null);
            var killedRuns = 0;
            for (var first = 2; ; first += 5)
            {
                // A first run killed just after a commit's data file was published (its pending entry names it) ...
                var folder = TempFolder();
                var injector = new ArchiveFaultInjector(first);
                var killed = await RunAsync(new LocalArchiveDestination(folder) { Faults = injector }, Short("kill-twice"));
                if (!killed) break;
                killedRuns++;
                // ... then a second run killed at every step of its own, recovery included, then a clean run.
                for (var second = 1; ; second++)
                {
                    var copy = CopyFolder(folder);
                    var again = new ArchiveFaultInjector(second);
                    if (!await RunAsync(new LocalArchiveDestination(copy) { Faults = again }, Short("kill-twice"))) break;
                    await ExportAsync(_emulator, new LocalArchiveDestination(copy), Short("kill-twice"));
                    await AssertSameArchiveAsync(expected, copy, $"kill at step {first}, then at step {second} ({again.Trace.Last()})");
                }
            }
            Assert.True(killedRuns >= 3, $"only {killedRuns} first kills");
        }

        [Fact]
        public async Task KillAtEveryStepOfAnS3Export()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "kill-s3", 2, OneMetric, 3 * 3600, Frozen);
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "kills" });
            var s3 = Clients(_emulator.Url).CreateObjectStore();
            var early = Short("kill-s3");
            early.EndTime = Frozen.AddMinutes(-50);

            var baseline = new S3ArchiveDestination(s3, "kills", "baseline");
            await ExportAsync(_emulator, baseline, early);
            await ExportAsync(_emulator, baseline, Short("kill-s3"));
            var expected = (await RowsAsync(baseline)).OrderBy(r => r, StringComparer.Ordinal).ToList();
            var expectedFiles = await FilesAsync(baseline);

            var kills = new List<string>();
            for (var step = 1; ; step++)
            {
                var prefix = "run" + step;
                await ExportAsync(_emulator, new S3ArchiveDestination(s3, "kills", prefix), early);
                var injector = new ArchiveFaultInjector(step);
                if (!await RunAsync(new S3ArchiveDestination(s3, "kills", prefix) { Faults = injector }, Short("kill-s3"))) break;
                kills.Add(injector.Trace.Last());
                var after = new S3ArchiveDestination(s3, "kills", prefix);
                await ExportAsync(_emulator, after, Short("kill-s3"));
                var rows = (await RowsAsync(after)).OrderBy(r => r, StringComparer.Ordinal).ToList();
                Assert.True(expected.SequenceEqual(rows), $"After a kill at step {step} ({injector.Trace.Last()}) the S3 archive has {rows.Count} rows; expected {expected.Count}.");
                Assert.Equal(expectedFiles, await FilesAsync(after));
                using var checkpoint = JsonDocument.Parse((await s3.GetObjectAsync("kills", prefix + "/_checkpoint.json", CancellationToken.None))!);
                Assert.False(checkpoint.RootElement.TryGetProperty("pending", out _));
            }
            Assert.Contains(kills, k => k.Contains("file about to be put"));
            Assert.Contains(kills, k => k.Contains("file put"));
            Assert.Contains(kills, k => k.Contains("checkpoint put"));
        }

        [Fact]
        public async Task TheS3LeaseOfAKilledProcessOnThisMachineIsTakenOverAtOnce()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "dead-lease", 1, OneMetric, 3600, Frozen);
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "leases" });
            var s3 = Clients(_emulator.Url).CreateObjectStore();
            int deadPid;
            using (var dead = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!)
            {
                dead.WaitForExit();
                deadPid = dead.Id;
            }
            // A lease valid for another 9 minutes, left by a process of this machine that was killed.
            var lease = $"{{\"owner\":\"{Environment.MachineName}/{deadPid}/abc\",\"expires\":\"{DateTime.UtcNow.AddMinutes(9):yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"}}";
            await s3.PutObjectAsync("leases", "p/_export.lock", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lease)), CancellationToken.None);
            var reporter = new RecordingReporter();
            var options = Short("dead-lease");
            options.LockTimeout = TimeSpan.Zero;
            var summary = await ExportAsync(_emulator, new S3ArchiveDestination(s3, "leases", "p"), options, reporter);
            Assert.True(summary.Datapoints > 0);
            Assert.Contains(reporter.Warnings, w => w.Contains("no longer runs") && w.Contains($"/{deadPid}/abc"));

            // A live process's lease (this one's) is respected.
            var live = $"{{\"owner\":\"{Environment.MachineName}/{Environment.ProcessId}/abc\",\"expires\":\"{DateTime.UtcNow.AddMinutes(9):yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"}}";
            await s3.PutObjectAsync("leases", "p/_export.lock", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(live)), CancellationToken.None);
            var ex = await Assert.ThrowsAsync<SageMakerMonitoring.Core.Infrastructure.MonitoringException>(() => ExportAsync(_emulator, new S3ArchiveDestination(s3, "leases", "p"), options));
            Assert.Equal("ArchiveLocked", ex.ErrorId);
            Assert.False(S3ArchiveLock.DeadOwnerOnThisMachine("other-host/" + deadPid + "/abc"));
        }

        /// <summary>
        /// For k = 1, 2, …: a fresh folder, the setup run (uninterrupted), the run killed at step k, a clean rerun, and a
        /// comparison with the uninterrupted archive; until a run reaches its end before step k. Returns the kill steps.
        /// </summary>
        private async Task<List<string>> SweepLocalAsync(Func<ArchiveExportOptions>? setup, Func<ArchiveExportOptions> run, Func<Task>? beforeRun = null, string? expectFolder = null)
        {
            var expected = await UninterruptedAsync(setup, run, beforeRun);
            if (expectFolder != null) Assert.Contains(expected.Files, f => f.Contains(expectFolder));
            var kills = new List<string>();
            for (var step = 1; ; step++)
            {
                var folder = TempFolder();
                if (setup != null) await ExportAsync(_emulator, new LocalArchiveDestination(folder), setup());
                var injector = new ArchiveFaultInjector(step);
                if (!await RunAsync(new LocalArchiveDestination(folder) { Faults = injector }, run())) break;
                kills.Add(injector.Trace.Last());
                await ExportAsync(_emulator, new LocalArchiveDestination(folder), run());
                await AssertSameArchiveAsync(expected, folder, $"a kill at step {step} ({injector.Trace.Last()})");
            }
            Assert.True(kills.Count >= 8, $"only {kills.Count} kill points were exercised");
            Assert.Contains(kills, k => k.Contains("half of the temporary file"));
            Assert.Contains(kills, k => k.Contains("file: temporary file created"));
            Assert.Contains(kills, k => k.Contains("file: renamed into place"));
            return kills;
        }

        private async Task<Archive> UninterruptedAsync(Func<ArchiveExportOptions>? setup, Func<ArchiveExportOptions> run, Func<Task>? beforeRun)
        {
            var folder = TempFolder();
            if (setup != null) await ExportAsync(_emulator, new LocalArchiveDestination(folder), setup());
            if (beforeRun != null) await beforeRun();
            await ExportAsync(_emulator, new LocalArchiveDestination(folder), run());
            var destination = new LocalArchiveDestination(folder);
            var archive = new Archive((await RowsAsync(destination)).OrderBy(r => r, StringComparer.Ordinal).ToList(), await FilesAsync(destination));
            Assert.NotEmpty(archive.Rows);
            return archive;
        }

        /// <summary>Runs an export that may be killed; true when it was.</summary>
        private async Task<bool> RunAsync(IArchiveDestination destination, ArchiveExportOptions options)
        {
            try
            {
                await ExportAsync(_emulator, destination, options);
                return false;
            }
            catch (ArchiveKilledException)
            {
                return true;
            }
        }

        private static async Task AssertSameArchiveAsync(Archive expected, string folder, string what)
        {
            var destination = new LocalArchiveDestination(folder);
            var rows = (await RowsAsync(destination)).OrderBy(r => r, StringComparer.Ordinal).ToList();
            Assert.True(expected.Rows.SequenceEqual(rows), $"After {what} the archive has {rows.Count} rows ({rows.Count - rows.Distinct().Count()} repeated); expected {expected.Rows.Count}.");
            Assert.Equal(expected.Files, await FilesAsync(destination));
            Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
            Assert.DoesNotContain(Directory.GetDirectories(folder, "*", SearchOption.AllDirectories), d => !Directory.EnumerateFileSystemEntries(d).Any());
            using var checkpoint = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ArchiveLayout.CheckpointName)));
            Assert.False(checkpoint.RootElement.TryGetProperty("pending", out _), $"a pending commit is left after {what}");
        }

        private static async Task<List<string>> FilesAsync(IArchiveDestination destination)
        {
            var files = new List<string>();
            await foreach (var f in destination.ListDataFilesAsync(CancellationToken.None)) files.Add(f);
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        private static string CopyFolder(string folder)
        {
            var copy = TempFolder();
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            foreach (var dir in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(copy, Path.GetRelativePath(folder, dir)));
            return copy;
        }

        private sealed class Archive
        {
            public Archive(List<string> rows, List<string> files)
            {
                Rows = rows;
                Files = files;
            }

            public List<string> Rows { get; }
            public List<string> Files { get; }
        }
    }
}
