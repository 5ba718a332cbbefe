using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>An emulator with no seeded data: each test generates its own workload.</summary>
    public sealed class ArchiveEmulatorFixture : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new EmulatorOptions { Port = 0, Seed = "empty" };
    }

    /// <summary>Collects what a core service reports.</summary>
    public sealed class RecordingReporter : IOperationReporter
    {
        private readonly List<string> _warnings = new List<string>();
        public IReadOnlyList<string> Warnings { get { lock (_warnings) return _warnings.ToList(); } }
        public void Verbose(string message) { }
        public void Warning(string message) { lock (_warnings) _warnings.Add(message); }
        public void Progress(ProgressInfo progress) { }
    }

    internal static class ArchiveTestSupport
    {
        public static readonly DateTime Frozen = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        public static AwsClientFactory Clients(string url) => new AwsClientFactory(new AwsClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = url,
            Credentials = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        });

        public static async Task PrepareAsync(EmulatorFixture fixture, DateTime now)
        {
            await fixture.ResetAsync("empty");
            await fixture.PostControlAsync("clock", new JsonObject { ["freeze"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) });
        }

        public static Task SyntheticAsync(EmulatorFixture fixture, string job, int hosts, string[] metrics, long seconds, DateTime end, int resolution = 1) =>
            fixture.PostControlAsync("monitoring/synthetic", new JsonObject
            {
                ["jobName"] = job,
                ["hosts"] = hosts,
                ["metrics"] = new JsonArray(metrics.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                ["seconds"] = seconds,
                ["resolution"] = resolution,
                ["end"] = end.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });

        public static ArchiveExportOptions Options(EmulatorFixture fixture, params string[] jobs) => new ArchiveExportOptions
        {
            Selections = jobs.Select(j => SageMakerMonitoring.Core.Metrics.MetricSelection.ForResource(SageMakerMonitoring.Core.Catalog.SageMakerResource.Create(SageMakerMonitoring.Core.Catalog.SageMakerResourceType.TrainingJob, j))).ToList(),
            Clock = () => fixture.Server.Context.Clock.UtcNow,
            LockTimeout = TimeSpan.FromSeconds(5),
            InitialLookBack = TimeSpan.FromHours(2),
        };

        public static Task<ArchiveExportSummary> ExportAsync(EmulatorFixture fixture, IArchiveDestination destination, ArchiveExportOptions options, IOperationReporter? reporter = null)
        {
            var clients = Clients(fixture.Url);
            return new ArchiveExporter(clients.CreateCloudWatch(), clients.CreateSageMaker(), destination, reporter).ExportAsync(options, CancellationToken.None);
        }

        /// <summary>Every row of the archive as "t|r|h|m|s|p|v", in file order (so duplicates show).</summary>
        public static async Task<List<string>> RowsAsync(IArchiveDestination destination)
        {
            var rows = new List<string>();
            await foreach (var file in destination.ListDataFilesAsync(CancellationToken.None))
            {
                var bytes = await destination.ReadFileAsync(file, CancellationToken.None);
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var reader = new StreamReader(gzip, Encoding.UTF8);
                string? line;
                var csv = file.EndsWith(".csv.gz", StringComparison.Ordinal);
                if (csv) reader.ReadLine();
                while ((line = reader.ReadLine()) != null)
                {
                    if (csv)
                    {
                        var f = line.Split(',');
                        rows.Add($"{f[0]}|{f[4]}|{f[5]}|{f[7]}|{f[8]}|{f[10]}|{f[1]}");
                        continue;
                    }
                    using var doc = JsonDocument.Parse(line);
                    var e = doc.RootElement;
                    string S(string k) => e.TryGetProperty(k, out var p) ? p.ToString() : "";
                    rows.Add($"{S("t")}|{S("r")}|{S("h")}|{S("m")}|{S("s")}|{S("p")}|{S("v")}");
                }
            }
            return rows;
        }

        public static string TempFolder()
        {
            var path = Path.Combine(Path.GetTempPath(), "smm-archive-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>
    /// A destination that dies at its n-th step (checkpoint write, file start, publish, delete) by throwing, leaving
    /// behind exactly what a process killed at that moment leaves durable.
    /// </summary>
    internal sealed class CrashingDestination : IArchiveDestination
    {
        private readonly IArchiveDestination _inner;
        private readonly int _crashAt;
        private int _steps;

        public CrashingDestination(IArchiveDestination inner, int crashAt)
        {
            _inner = inner;
            _crashAt = crashAt;
        }

        public bool Crashed { get; private set; }
        public string Location => _inner.Location;

        private void Step()
        {
            if (++_steps == _crashAt)
            {
                Crashed = true;
                throw new IOException($"Injected crash at step {_crashAt}.");
            }
        }

        public Task<IArchiveLock> AcquireLockAsync(TimeSpan timeout, IOperationReporter reporter, CancellationToken cancellationToken) => _inner.AcquireLockAsync(timeout, reporter, cancellationToken);
        public Task<byte[]?> ReadCheckpointAsync(CancellationToken cancellationToken) => _inner.ReadCheckpointAsync(cancellationToken);

        public Task WriteCheckpointAsync(byte[] content, CancellationToken cancellationToken)
        {
            Step();
            return _inner.WriteCheckpointAsync(content, cancellationToken);
        }

        public IArchiveFile CreateFile(string relativePath)
        {
            Step();
            return new CrashingFile(this, _inner.CreateFile(relativePath));
        }

        public Task DeleteFileAsync(string relativePath, CancellationToken cancellationToken)
        {
            Step();
            return _inner.DeleteFileAsync(relativePath, cancellationToken);
        }

        public bool IsInside(string relativePath) => _inner.IsInside(relativePath);
        public string? CannotHold(string seriesFolder) => _inner.CannotHold(seriesFolder);
        public IAsyncEnumerable<string> ListDataFilesAsync(CancellationToken cancellationToken) => _inner.ListDataFilesAsync(cancellationToken);
        public Task<byte[]> ReadFileAsync(string relativePath, CancellationToken cancellationToken) => _inner.ReadFileAsync(relativePath, cancellationToken);

        private sealed class CrashingFile : IArchiveFile
        {
            private readonly CrashingDestination _owner;
            private readonly IArchiveFile _inner;

            public CrashingFile(CrashingDestination owner, IArchiveFile inner)
            {
                _owner = owner;
                _inner = inner;
            }

            public string RelativePath => _inner.RelativePath;
            public Stream Content => _inner.Content;

            public Task<long> PublishAsync(CancellationToken cancellationToken)
            {
                _owner.Step();
                return _inner.PublishAsync(cancellationToken);
            }

            public void Dispose() => _inner.Dispose();
        }
    }
}
