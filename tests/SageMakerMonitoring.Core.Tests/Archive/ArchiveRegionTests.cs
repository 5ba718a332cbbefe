using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Archive;
using SageMakerMonitoring.Core.Aws;
using Xunit;
using static SageMakerMonitoring.Core.Tests.Archive.ArchiveTestSupport;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>Several Regions in one archive: each Region's series under its own region=… partition, kept apart in the
    /// checkpoint; an archive from before Regions were recorded is continued in place.</summary>
    [Collection("Archive")]
    public class ArchiveRegionTests : IClassFixture<ArchiveEmulatorFixture>
    {
        private static readonly string[] OneMetric = { "CPUUtilization" };
        private const string TrainingFolder = "namespace=%2Faws%2Fsagemaker%2FTrainingJobs";
        private readonly ArchiveEmulatorFixture _emulator;

        public ArchiveRegionTests(ArchiveEmulatorFixture emulator) => _emulator = emulator;

        private Task SyntheticInAsync(string region, string job) =>
            _emulator.PostControlAsync("monitoring/synthetic", new JsonObject
            {
                ["jobName"] = job,
                ["hosts"] = 1,
                ["metrics"] = new JsonArray(OneMetric.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                ["seconds"] = 3 * 3600,
                ["resolution"] = 1,
                ["end"] = Frozen.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["region"] = region,
            });

        private Task<ArchiveExportSummary> ExportInAsync(string region, IArchiveDestination destination, string? recordRegion, bool partition)
        {
            var clients = new AwsClientFactory(new AwsClientOptions
            {
                Region = region,
                EndpointUrl = _emulator.Url,
                Credentials = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            });
            var options = Options(_emulator, "job-r");
            options.Region = recordRegion;
            options.RegionPartition = partition;
            return new ArchiveExporter(clients.CreateCloudWatch(), clients.CreateSageMaker(), destination, null).ExportAsync(options, CancellationToken.None);
        }

        private static string[] DataFolders(string root) =>
            Directory.GetFiles(root, "part-*", SearchOption.AllDirectories)
                .Select(f => Path.GetDirectoryName(Path.GetRelativePath(root, f))!.Replace('\\', '/'))
                .Select(d => d.Substring(0, d.LastIndexOf("/date=", StringComparison.Ordinal)))
                .Distinct().OrderBy(d => d, StringComparer.Ordinal).ToArray();

        [Fact]
        public async Task Each_region_is_archived_under_its_own_partition_and_reruns_add_nothing()
        {
            await PrepareAsync(_emulator, Frozen);
            await SyntheticInAsync("us-east-1", "job-r");
            await SyntheticInAsync("eu-west-1", "job-r");
            var folder = TempFolder();
            var destination = new LocalArchiveDestination(folder);

            var east = await ExportInAsync("us-east-1", destination, "us-east-1", partition: true);
            var west = await ExportInAsync("eu-west-1", destination, "eu-west-1", partition: true);

            Assert.Equal(2L * 3600, east.Datapoints);                 // the default 2-hour look-back at one point a second
            Assert.Equal(2L * 3600, west.Datapoints);
            Assert.Equal(new[] { "region=eu-west-1/" + TrainingFolder + "/resource=job-r", "region=us-east-1/" + TrainingFolder + "/resource=job-r" }, DataFolders(folder));
            var checkpoint = ArchiveCheckpoint.Parse(File.ReadAllBytes(Path.Combine(folder, "_checkpoint.json")), folder);
            Assert.Equal(2, checkpoint.Series.Count);
            Assert.Equal(new[] { "eu-west-1", "us-east-1" }, checkpoint.Series.Values.Select(s => s.Region).OrderBy(r => r));

            Assert.Equal(0, (await ExportInAsync("us-east-1", destination, "us-east-1", partition: true)).Datapoints);
            Assert.Equal(0, (await ExportInAsync("eu-west-1", destination, "eu-west-1", partition: false)).Datapoints);
            foreach (var region in new[] { "us-east-1", "eu-west-1" })
            {
                var rows = await RowsAsync(new LocalArchiveDestination(Path.Combine(folder, "region=" + region)));
                Assert.Equal(2L * 3600, rows.Count);
                Assert.Equal(rows.Count, rows.Distinct().Count());
            }
        }

        [Fact]
        public async Task An_archive_from_before_regions_is_continued_in_place_by_the_first_region()
        {
            await PrepareAsync(_emulator, Frozen.AddHours(-1));
            await SyntheticInAsync("us-east-1", "job-r");
            await SyntheticInAsync("eu-west-1", "job-r");
            var folder = TempFolder();
            var destination = new LocalArchiveDestination(folder);

            // As the module wrote it before Regions were recorded: no region in the layout or the checkpoint.
            var before = await ExportInAsync("us-east-1", destination, null, partition: false);
            Assert.True(before.Datapoints > 0);
            Assert.DoesNotContain("\"region\"", Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, "_checkpoint.json"))));

            await _emulator.PostControlAsync("clock", new JsonObject { ["advanceSeconds"] = 3600 });
            var east = await ExportInAsync("us-east-1", destination, "us-east-1", partition: true);
            var west = await ExportInAsync("eu-west-1", destination, "eu-west-1", partition: true);

            Assert.Equal(3600L, east.Datapoints);                      // continued where it stopped, in its old folder
            Assert.Equal(2L * 3600, west.Datapoints);                  // new to the archive: the first look-back
            Assert.Equal(new[] { TrainingFolder + "/resource=job-r", "region=eu-west-1/" + TrainingFolder + "/resource=job-r" }, DataFolders(folder));
            // The old folder holds the first Region's rows once each; the second Region's are in its own partition.
            var old = await RowsAsync(new LocalArchiveDestination(Path.Combine(folder, TrainingFolder)));
            Assert.Equal(before.Datapoints + east.Datapoints, old.Count);
            Assert.Equal(old.Count, old.Distinct().Count());
            var second = await RowsAsync(new LocalArchiveDestination(Path.Combine(folder, "region=eu-west-1")));
            Assert.Equal(west.Datapoints, second.Count);

            // A later run of each Region alone (the data ends at Frozen: 5 more minutes) continues each series where it is.
            await _emulator.PostControlAsync("clock", new JsonObject { ["advanceSeconds"] = 600 });
            Assert.Equal(300L, (await ExportInAsync("us-east-1", destination, "us-east-1", partition: false)).Datapoints);
            Assert.Equal(300L, (await ExportInAsync("eu-west-1", destination, "eu-west-1", partition: false)).Datapoints);
            Assert.Equal(2, DataFolders(folder).Length);
        }
    }
}
