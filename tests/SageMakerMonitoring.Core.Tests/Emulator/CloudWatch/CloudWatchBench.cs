using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.CloudWatch;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>A CloudWatchService on a frozen emulator clock, driven through Handle with JSON request trees.</summary>
    internal sealed class CloudWatchBench
    {
        public static readonly DateTime DefaultNow = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        public CloudWatchBench(DateTime? now = null)
        {
            Clock = new EmulatorClock();
            Clock.Freeze(now ?? DefaultNow);
            Context = new EmulatorContext(Clock);
            Service = new CloudWatchService(Context);
        }

        public EmulatorClock Clock { get; }
        public EmulatorContext Context { get; }
        public CloudWatchService Service { get; }

        public long Now => ToEpoch(Clock.UtcNow);

        public static long ToEpoch(DateTime time) => (long)(time - DateTime.UnixEpoch).TotalSeconds;

        public static string Iso(long epoch) =>
            DateTime.UnixEpoch.AddSeconds(epoch).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        public void Advance(TimeSpan by) => Clock.Freeze(Clock.UtcNow + by);

        public JsonNode? Call(string operation, string json) => Service.Handle(operation, JsonNode.Parse(json)!.AsObject());

        public JsonObject CallObject(string operation, string json) => Call(operation, json)!.AsObject();

        public AwsErrorException Fails(string operation, string json) =>
            Assert.Throws<AwsErrorException>(() => Service.Handle(operation, JsonNode.Parse(json)!.AsObject()));

        public static string Dims(params (string Name, string Value)[] dims) =>
            "[" + string.Join(",", dims.Select(d => $"{{\"Name\":\"{d.Name}\",\"Value\":\"{d.Value}\"}}")) + "]";

        /// <summary>Puts one raw value per (time, value) pair, up to 1,000 data per request.</summary>
        public void Put(string ns, string name, (string, string)[] dims, IEnumerable<(long Time, double Value)> points,
            int resolution = 60, string unit = "Percent")
        {
            var batch = new List<string>();
            void Flush()
            {
                if (batch.Count == 0) return;
                Call("PutMetricData", $"{{\"Namespace\":\"{ns}\",\"MetricData\":[{string.Join(",", batch)}]}}");
                batch.Clear();
            }
            foreach (var (time, value) in points)
            {
                batch.Add($"{{\"MetricName\":\"{name}\",\"Dimensions\":{Dims(dims)},\"Timestamp\":{time}," +
                          $"\"Value\":{value.ToString("R", CultureInfo.InvariantCulture)},\"StorageResolution\":{resolution},\"Unit\":\"{unit}\"}}");
                if (batch.Count == 1000) Flush();
            }
            Flush();
        }

        public JsonArray Statistics(string ns, string name, (string, string)[] dims, long start, long end, int period,
            string statistics = "[\"SampleCount\",\"Sum\",\"Average\",\"Minimum\",\"Maximum\"]", string? unit = null)
        {
            var unitPart = unit == null ? "" : $",\"Unit\":\"{unit}\"";
            var result = CallObject("GetMetricStatistics",
                $"{{\"Namespace\":\"{ns}\",\"MetricName\":\"{name}\",\"Dimensions\":{Dims(dims)},\"StartTime\":{start},\"EndTime\":{end}," +
                $"\"Period\":{period},\"Statistics\":{statistics}{unitPart}}}");
            return result["Datapoints"]!.AsArray();
        }

        public static string Query(string id, string ns, string name, (string, string)[] dims, int period, string stat,
            string? label = null, string? unit = null)
        {
            var labelPart = label == null ? "" : $",\"Label\":\"{label}\"";
            var unitPart = unit == null ? "" : $",\"Unit\":\"{unit}\"";
            return $"{{\"Id\":\"{id}\"{labelPart},\"MetricStat\":{{\"Metric\":{{\"Namespace\":\"{ns}\",\"MetricName\":\"{name}\"," +
                   $"\"Dimensions\":{Dims(dims)}}},\"Period\":{period},\"Stat\":\"{stat}\"{unitPart}}}}}";
        }

        /// <summary>Runs GetMetricData through every page; returns the pages.</summary>
        public List<JsonObject> AllPages(string queries, long start, long end, string? scanBy = null, int? maxDatapoints = null)
        {
            var pages = new List<JsonObject>();
            string? token = null;
            do
            {
                var extra = (scanBy == null ? "" : $",\"ScanBy\":\"{scanBy}\"")
                            + (maxDatapoints == null ? "" : $",\"MaxDatapoints\":{maxDatapoints}")
                            + (token == null ? "" : $",\"NextToken\":\"{token}\"");
                var page = CallObject("GetMetricData", $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{start},\"EndTime\":{end}{extra}}}");
                pages.Add(page);
                token = page["NextToken"]?.GetValue<string>();
                Assert.True(pages.Count < 100_000, "paging does not end");
            } while (token != null);
            return pages;
        }

        /// <summary>Merges pages by Id: (timestamps, values) in page order.</summary>
        public static Dictionary<string, List<(long Time, double Value)>> Merge(IEnumerable<JsonObject> pages)
        {
            var merged = new Dictionary<string, List<(long, double)>>();
            foreach (var page in pages)
            {
                foreach (var result in page["MetricDataResults"]!.AsArray())
                {
                    var id = result!["Id"]!.GetValue<string>();
                    if (!merged.TryGetValue(id, out var list)) merged[id] = list = new List<(long, double)>();
                    var times = result["Timestamps"]!.AsArray();
                    var values = result["Values"]!.AsArray();
                    Assert.Equal(times.Count, values.Count);
                    for (var i = 0; i < times.Count; i++) list.Add((ToEpoch(times[i]!.GetValue<DateTime>()), values[i]!.GetValue<double>()));
                }
            }
            return merged;
        }

        public static long TimestampOf(JsonNode datapoint) => ToEpoch(datapoint["Timestamp"]!.GetValue<DateTime>());
    }
}
