using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;
using static SageMakerMonitoring.Core.Tests.Archive.ArchiveTestSupport;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>Export-SageMakerMetric's core against the emulator over real HTTP and SigV4, into real folders and S3.</summary>
    [Collection("Archive")]
    public class ArchiveExporterTests : IClassFixture<ArchiveEmulatorFixture>
    {
        private static readonly string[] TwoMetrics = { "CPUUtilization", "GPUUtilization" };
        private readonly ArchiveEmulatorFixture _emulator;

        public ArchiveExporterTests(ArchiveEmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public async Task LocalExportHasEveryDatapointOnceAndRunsAreIncremental()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-a", 2, TwoMetrics, 5 * 3600, Frozen.AddHours(2));
            var folder = TempFolder();
            var destination = new LocalArchiveDestination(folder);

            var first = await ExportAsync(_emulator, destination, Options(_emulator, "job-a"));
            // 4 series, 2 hours back from now - 5 minutes, one point a second.
            var expected = 4L * 2 * 3600;
            Assert.Equal(4, first.Series);
            Assert.Equal(expected, first.Datapoints);
            var rows = await RowsAsync(destination);
            Assert.Equal(expected, rows.Count);
            Assert.Equal(rows.Count, rows.Distinct().Count());
            Assert.All(rows, r => Assert.EndsWith("|1|" + r.Split('|')[6], r));
            Assert.Equal(new DateTimeOffset(Frozen.AddMinutes(-5), TimeSpan.Zero), first.ExportedThrough);
            Assert.True(File.Exists(Path.Combine(folder, "_checkpoint.json")));
            Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
            Assert.All(Directory.GetFiles(folder, "part-*", SearchOption.AllDirectories),
                f => Assert.Contains(Path.Combine("namespace=%2Faws%2Fsagemaker%2FTrainingJobs", "resource=job-a", "date=2026-11-28"), f));

            var again = await ExportAsync(_emulator, destination, Options(_emulator, "job-a"));
            Assert.Equal(0, again.Datapoints);
            Assert.Equal(0, again.Files);

            await _emulator.PostControlAsync("clock", new JsonObject { ["advanceSeconds"] = 1800 });
            var later = await ExportAsync(_emulator, destination, Options(_emulator, "job-a"));
            Assert.Equal(4L * 1800, later.Datapoints);
            rows = await RowsAsync(destination);
            Assert.Equal(expected + 4L * 1800, rows.Count);
            Assert.Equal(rows.Count, rows.Distinct().Count());
        }

        [Fact]
        public async Task S3ExportMatchesTheLocalArchiveAndReleasesItsLease()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-s3", 2, TwoMetrics, 3 * 3600, Frozen);
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "archive" });
            var clients = Clients(_emulator.Url);
            var s3 = clients.CreateObjectStore();
            var remote = new S3ArchiveDestination(s3, "archive", "metrics/prod");
            var local = new LocalArchiveDestination(TempFolder());

            var summary = await ExportAsync(_emulator, remote, Options(_emulator, "job-s3"));
            await ExportAsync(_emulator, local, Options(_emulator, "job-s3"));

            Assert.Equal("s3://archive/metrics/prod/", summary.Destination);
            var remoteRows = await RowsAsync(remote);
            Assert.Equal(summary.Datapoints, remoteRows.Count);
            Assert.Equal((await RowsAsync(local)).OrderBy(r => r, StringComparer.Ordinal), remoteRows.OrderBy(r => r, StringComparer.Ordinal));
            Assert.NotNull(await s3.HeadObjectAsync("archive", "metrics/prod/_checkpoint.json", CancellationToken.None));
            Assert.Null(await s3.HeadObjectAsync("archive", "metrics/prod/_export.lock", CancellationToken.None));
            var page = await s3.ListObjectsAsync("archive", "metrics/prod/namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=job-s3/date=2026-11-28/", null, CancellationToken.None);
            Assert.NotEmpty(page.Objects);
        }

        [Fact]
        public async Task CrashAtEveryStepThenRerunGivesTheUninterruptedArchive()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-c", 2, TwoMetrics, 3 * 3600, Frozen);
            await SyntheticAsync(_emulator, "job-d", 1, TwoMetrics, 3 * 3600, Frozen);
            // The uninterrupted archive: a run up to an hour ago, then a run up to now.
            var baseline = new LocalArchiveDestination(TempFolder());
            var early = Options(_emulator, "job-c", "job-d");
            early.EndTime = Frozen.AddMinutes(-65);
            await ExportAsync(_emulator, baseline, early);
            await ExportAsync(_emulator, baseline, Options(_emulator, "job-c", "job-d"));
            var expected = (await RowsAsync(baseline)).OrderBy(r => r, StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);

            var crashes = 0;
            for (var step = 1; ; step++)
            {
                var folder = TempFolder();
                // A first, complete run, then a crash at one step of the next run that has new data to write.
                var crashing = new CrashingDestination(new LocalArchiveDestination(folder), step);
                var options = Options(_emulator, "job-c", "job-d");
                options.EndTime = Frozen.AddMinutes(-65);
                await ExportAsync(_emulator, new LocalArchiveDestination(folder), options);
                try
                {
                    await ExportAsync(_emulator, crashing, Options(_emulator, "job-c", "job-d"));
                }
                catch (MonitoringException ex) when (crashing.Crashed && ex.InnerException is IOException)
                {
                    crashes++;
                }
                if (!crashing.Crashed) break; // every step has had its crash
                await ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "job-c", "job-d"));
                var rows = (await RowsAsync(new LocalArchiveDestination(folder))).OrderBy(r => r, StringComparer.Ordinal).ToList();
                Assert.True(expected.SequenceEqual(rows), $"After a crash at step {step} the archive has {rows.Count} rows ({rows.Count - rows.Distinct().Count()} repeated); expected {expected.Count}.");
            }
            Assert.True(crashes >= 8, $"only {crashes} crash points were exercised");
        }

        [Fact]
        public async Task MissedRunsExportTheExpiredSpanAtOneMinuteAndRecordTheGap()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-gap", 2, TwoMetrics, 10 * 3600, Frozen.AddHours(6));
            var folder = TempFolder();
            var destination = new LocalArchiveDestination(folder);
            var options = Options(_emulator, "job-gap");
            options.InitialLookBack = TimeSpan.FromHours(1);
            await ExportAsync(_emulator, destination, options);
            var firstRows = (await RowsAsync(destination)).Count;

            // Five hours without a run: 1-second data between the last export and now - 3 h is gone.
            await _emulator.PostControlAsync("clock", new JsonObject { ["advanceSeconds"] = 5 * 3600 });
            var reporter = new RecordingReporter();
            var summary = await ExportAsync(_emulator, destination, Options(_emulator, "job-gap"), reporter);

            var through = Frozen.AddMinutes(-5);
            var highFrom = Frozen.AddHours(5 - 3).AddMinutes(5);
            Assert.Equal(4, summary.GapCount);
            Assert.All(summary.Gaps, g =>
            {
                Assert.Equal(through, g.UtcStart);
                Assert.Equal(highFrom, g.UtcEnd);
                Assert.Equal(1, g.LostPeriod);
                Assert.Equal(60, g.ExportedPeriod);
            });
            var warning = Assert.Single(reporter.Warnings);
            Assert.Contains("TrainingJob 'job-gap': 4 series lost their 1 second data from 2026-11-28T09:55:00Z to 2026-11-28T12:05:00Z", warning);
            Assert.Contains("archived at 1 minute", warning);
            Assert.Contains("CPUUtilization@algo-1", warning);

            var rows = (await RowsAsync(destination)).Skip(0).Select(r => r.Split('|')).ToList();
            var coarse = rows.Where(r => DateTime.Parse(r[0]).ToUniversalTime() >= through && DateTime.Parse(r[0]).ToUniversalTime() < highFrom).ToList();
            Assert.Equal(4 * 130, coarse.Count);
            Assert.All(coarse, r => Assert.Equal("60", r[5]));
            Assert.All(coarse, r => Assert.EndsWith(":00Z", r[0]));
            var fine = rows.Where(r => DateTime.Parse(r[0]).ToUniversalTime() >= highFrom).ToList();
            Assert.Equal(4 * (int)(Frozen.AddHours(5).AddMinutes(-5) - highFrom).TotalSeconds, fine.Count);
            Assert.Equal(firstRows + coarse.Count + fine.Count, rows.Count);

            using var checkpoint = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "_checkpoint.json")));
            var gaps = checkpoint.RootElement.GetProperty("gaps").EnumerateArray().ToList();
            Assert.Equal(4, gaps.Count);
            Assert.All(gaps, g => Assert.Equal("2026-11-28T09:55:00Z", g.GetProperty("from").GetString()));
            Assert.All(gaps, g => Assert.Equal(60, g.GetProperty("exportedPeriod").GetInt32()));
        }

        [Fact]
        public async Task ASecondRunWaitsForTheLockAndThenFailsClearly()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-l", 1, TwoMetrics, 3600, Frozen);
            var folder = TempFolder();
            var destination = new LocalArchiveDestination(folder);
            using (await destination.AcquireLockAsync(TimeSpan.Zero, NullOperationReporter.Instance, CancellationToken.None))
            {
                var options = Options(_emulator, "job-l");
                options.LockTimeout = TimeSpan.FromSeconds(1);
                var started = DateTime.UtcNow;
                var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, destination, options));
                Assert.Equal("ArchiveLocked", ex.ErrorId);
                Assert.Equal(ErrorKind.ResourceUnavailable, ex.Kind);
                Assert.Contains("Another export is writing to this archive", ex.Message);
                Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the run gave up before its lock timeout");
                Assert.False(File.Exists(Path.Combine(folder, "_checkpoint.json")));
            }
            var summary = await ExportAsync(_emulator, destination, Options(_emulator, "job-l"));
            Assert.True(summary.Datapoints > 0);
        }

        [Fact]
        public async Task TwoRunsAtOnceProduceOneCopyOfEveryRow()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-p", 2, TwoMetrics, 3 * 3600, Frozen);
            var folder = TempFolder();
            var runs = Enumerable.Range(0, 2).Select(_ => ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "job-p"))).ToArray();
            var summaries = await Task.WhenAll(runs);
            var rows = await RowsAsync(new LocalArchiveDestination(folder));
            Assert.Equal(4L * 2 * 3600, rows.Count);
            Assert.Equal(rows.Count, rows.Distinct().Count());
            Assert.Contains(summaries, s => s.Datapoints == 0);
        }

        [Fact]
        public async Task S3LockWaitsForALiveLeaseAndTakesOverAnExpiredOne()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-sl", 1, TwoMetrics, 3600, Frozen);
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "locks" });
            var s3 = Clients(_emulator.Url).CreateObjectStore();
            var destination = new S3ArchiveDestination(s3, "locks", "a");

            var live = await destination.AcquireLockAsync(TimeSpan.Zero, NullOperationReporter.Instance, CancellationToken.None);
            var options = Options(_emulator, "job-sl");
            options.LockTimeout = TimeSpan.FromSeconds(1);
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, new S3ArchiveDestination(s3, "locks", "a"), options));
            Assert.Equal("ArchiveLocked", ex.ErrorId);
            Assert.Contains("lease until", ex.Message);
            await live.ReleaseAsync();
            live.Dispose();

            // A lease left by a run that died an hour ago.
            var stale = Encoding.UTF8.GetBytes("{\"owner\":\"dead-host/1/x\",\"expires\":\"" + DateTime.UtcNow.AddHours(-1).ToString("o") + "\"}");
            await s3.PutObjectAsync("locks", "a/_export.lock", new MemoryStream(stale), CancellationToken.None);
            var reporter = new RecordingReporter();
            var summary = await ExportAsync(_emulator, new S3ArchiveDestination(s3, "locks", "a"), Options(_emulator, "job-sl"), reporter);
            Assert.True(summary.Datapoints > 0);
            Assert.Contains(reporter.Warnings, w => w.Contains("Took over the lock") && w.Contains("dead-host/1/x"));
            Assert.Null(await s3.HeadObjectAsync("locks", "a/_export.lock", CancellationToken.None));
        }

        [Fact]
        public async Task CheckpointChangedBehindARunsBackIsAConflictNotAnOverwrite()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-cc", 1, TwoMetrics, 3600, Frozen);
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "conflict" });
            var s3 = Clients(_emulator.Url).CreateObjectStore();
            var destination = new S3ArchiveDestination(s3, "conflict", "");
            await destination.ReadCheckpointAsync(CancellationToken.None);
            await destination.WriteCheckpointAsync(Encoding.UTF8.GetBytes("{}"), CancellationToken.None);
            await s3.PutObjectAsync("conflict", "_checkpoint.json", new MemoryStream(Encoding.UTF8.GetBytes("{\"other\":1}")), CancellationToken.None);
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => destination.WriteCheckpointAsync(Encoding.UTF8.GetBytes("{}"), CancellationToken.None));
            Assert.Equal("ArchiveCheckpointConflict", ex.ErrorId);
            Assert.Equal("{\"other\":1}", Encoding.UTF8.GetString((await s3.GetObjectAsync("conflict", "_checkpoint.json", CancellationToken.None))!));
        }

        [Fact]
        public async Task CsvOnRequestAndOneFormatPerArchive()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-csv", 1, TwoMetrics, 3600, Frozen);
            var folder = TempFolder();
            var options = Options(_emulator, "job-csv");
            options.Format = ArchiveFormat.Csv;
            var summary = await ExportAsync(_emulator, new LocalArchiveDestination(folder), options);
            var files = Directory.GetFiles(folder, "part-*.csv.gz", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            var rows = await RowsAsync(new LocalArchiveDestination(folder));
            Assert.Equal(summary.Datapoints, rows.Count);
            Assert.StartsWith("2026-11-28T", rows[0]);

            var ex = await Assert.ThrowsAsync<MonitoringException>(() => ExportAsync(_emulator, new LocalArchiveDestination(folder), Options(_emulator, "job-csv")));
            Assert.Equal("ArchiveFormatMismatch", ex.ErrorId);
        }

        [Fact]
        public async Task AllFindsEveryResourceInTheSageMakerNamespaces()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-x", 1, TwoMetrics, 3600, Frozen);
            await SyntheticAsync(_emulator, "job-y", 2, TwoMetrics, 3600, Frozen);
            var folder = TempFolder();
            var options = Options(_emulator);
            options.All = true;
            var summary = await ExportAsync(_emulator, new LocalArchiveDestination(folder), options);
            Assert.Equal(6, summary.Series);
            Assert.True(Directory.Exists(Path.Combine(folder, "namespace=%2Faws%2Fsagemaker%2FTrainingJobs", "resource=job-x")));
            Assert.True(Directory.Exists(Path.Combine(folder, "namespace=%2Faws%2Fsagemaker%2FTrainingJobs", "resource=job-y")));
        }

        [Fact]
        public async Task StandardResolutionSeriesAreArchivedAtOneMinuteBesideOneSecondSeries()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-mixed", 1, new[] { "CPUUtilization" }, 3 * 3600, Frozen);
            await SyntheticAsync(_emulator, "job-mixed", 1, new[] { "DiskUtilization" }, 3 * 3600, Frozen, resolution: 60);
            var folder = TempFolder();
            var destination = new LocalArchiveDestination(folder);
            var summary = await ExportAsync(_emulator, destination, Options(_emulator, "job-mixed"));

            var rows = (await RowsAsync(destination)).Select(r => r.Split('|')).ToList();
            var disk = rows.Where(r => r[3] == "DiskUtilization").ToList();
            var cpu = rows.Where(r => r[3] == "CPUUtilization").ToList();
            Assert.Equal(120, disk.Count);
            Assert.All(disk, r => Assert.Equal("60", r[5]));
            Assert.Equal(2 * 3600, cpu.Count);
            Assert.Equal(summary.Datapoints, rows.Count);
            using var checkpoint = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "_checkpoint.json")));
            var state = checkpoint.RootElement.GetProperty("series").EnumerateArray().Single(e => e.GetProperty("metric").GetString() == "DiskUtilization");
            Assert.Equal(60, state.GetProperty("resolution").GetInt32());

            // The next run reads it at 1 minute straight away and adds only new minutes.
            await _emulator.PostControlAsync("clock", new JsonObject { ["advanceSeconds"] = 600 });
            await SyntheticAsync(_emulator, "job-mixed", 1, new[] { "DiskUtilization" }, 3 * 3600, Frozen.AddMinutes(10), resolution: 60);
            await SyntheticAsync(_emulator, "job-mixed", 1, new[] { "CPUUtilization" }, 3 * 3600, Frozen.AddMinutes(10));
            var next = await ExportAsync(_emulator, destination, Options(_emulator, "job-mixed"));
            Assert.Equal(10 + 600, next.Datapoints);
        }

        [Fact]
        public async Task OneSecondDataCostsAtMostTwentyBytesPerDatapoint()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticAsync(_emulator, "job-size", 4, new[] { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" }, 3600, Frozen.AddMinutes(-5));
            var folder = TempFolder();
            var options = Options(_emulator, "job-size");
            options.InitialLookBack = TimeSpan.FromHours(1);
            var summary = await ExportAsync(_emulator, new LocalArchiveDestination(folder), options);
            Assert.Equal(20L * 3600, summary.Datapoints);
            var onDisk = Directory.GetFiles(folder, "part-*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Assert.Equal(summary.Bytes, onDisk);
            Assert.True(onDisk / (double)summary.Datapoints <= 20, $"{onDisk / (double)summary.Datapoints:0.00} bytes per datapoint");
        }
    }
}
