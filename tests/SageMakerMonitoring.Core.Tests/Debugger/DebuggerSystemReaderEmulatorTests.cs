using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Debugger;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Tests.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Debugger
{
    /// <summary>The reader through the module's S3 client against the emulator: hour folders, key checks, time filter.</summary>
    public sealed class DebuggerSystemReaderEmulatorTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public DebuggerSystemReaderEmulatorTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public async Task ReadsEverySampleOnceAcrossHourFoldersInTimeOrder()
        {
            await _emulator.ResetAsync("empty");
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "dbg-bucket" });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            IObjectStoreClient s3 = factory.CreateObjectStore();
            var job = new SageMakerJobDescription { Name = "dbg-job", ProfilerS3OutputPath = "s3://dbg-bucket/out", ProfilingIntervalInMilliseconds = 500 };
            var location = DebuggerSystemLocation.For(job, out _)!;

            // 2026-12-07T09:58:00Z .. 10:02:00Z: four minutes across two hour folders, two hosts, 2 samples/s, two GPUs.
            var start = new DateTime(2026, 12, 7, 9, 58, 0, DateTimeKind.Utc);
            var expected = 0;
            for (var minute = 0; minute < 4; minute++)
            {
                foreach (var host in new[] { "algo-1", "algo-2" })
                {
                    var t0 = start.AddMinutes(minute);
                    var epoch = (long)(t0 - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
                    var sb = new StringBuilder();
                    for (var k = 0; k < 120; k++)
                    {
                        var ts = (epoch + k * 0.5).ToString("R", CultureInfo.InvariantCulture);
                        for (var g = 0; g < 2; g++)
                        {
                            sb.Append("{\"Type\":\"gpu\",\"Name\":\"gpu").Append(g).Append("\",\"Dimension\":\"GPUUtilization\",\"Value\":").Append(k % 100)
                              .Append(",\"NodeId\":\"").Append(host).Append("\",\"Timestamp\":").Append(ts).Append("}\n");
                            expected++;
                        }
                    }
                    sb.Append("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimen"); // still being written
                    var key = location.HourPrefix(t0) + epoch + "." + host + ".json";
                    using var body = new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()));
                    await s3.PutObjectAsync("dbg-bucket", key, body, CancellationToken.None);
                }
            }
            using (var junk = new MemoryStream(Encoding.UTF8.GetBytes(Gpu("algo-1", 1)))) await s3.PutObjectAsync("dbg-bucket", location.HourPrefix(start) + "notes.json", junk, CancellationToken.None);

            var reader = new DebuggerSystemReader(s3);
            var points = new List<MetricDatapoint>();
            await foreach (var page in reader.ReadAsync(location, start, start.AddMinutes(4), null, CancellationToken.None)) points.AddRange(page);

            Assert.Equal(expected, points.Count);
            Assert.Equal(expected, points.Select(p => (p.Host, p.Device, p.Timestamp)).Distinct().Count());
            Assert.Equal(8, reader.FilesRead);
            Assert.Equal(1, reader.KeysIgnored);
            Assert.Equal(8, reader.Parser.Truncated);
            Assert.All(points, p => Assert.Equal(0.5, p.Period));
            Assert.Equal(new[] { "gpu0", "gpu1" }, points.Select(p => p.Device).Distinct().OrderBy(d => d));
            Assert.Equal("Percent", points[0].Unit);
            Assert.Equal("dbg-job/algo-1", points[0].Dimensions["Host"]);
            foreach (var series in points.GroupBy(p => (p.Host, p.Device)))
            {
                var times = series.Select(p => p.Timestamp).ToList();
                Assert.Equal(times.OrderBy(t => t), times);
            }

            // A range inside one minute takes only its samples.
            var narrow = new List<MetricDatapoint>();
            var from = start.AddMinutes(2).AddSeconds(10);
            await foreach (var page in new DebuggerSystemReader(s3).ReadAsync(location, from, from.AddSeconds(5), new[] { "gpuutilization" }, CancellationToken.None)) narrow.AddRange(page);
            Assert.Equal(10 * 2 * 2, narrow.Count);
            Assert.All(narrow, p => Assert.InRange(p.Timestamp, from, from.AddSeconds(4.5)));
        }

        private static string Gpu(string host, double epoch) =>
            "{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":1,\"NodeId\":\"" + host + "\",\"Timestamp\":" + epoch.ToString(CultureInfo.InvariantCulture) + "}\n";
    }
}
