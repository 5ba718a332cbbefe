using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Core.Tests.Emulator.CloudWatch;
using SageMakerMonitoring.Core.Tests.Emulator.Logs;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Protocols;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    /// <summary>The self-writing answers put the same bytes on the wire as the tree the same operation returns.</summary>
    public sealed class JsonAnswerTests
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { SkipValidation = true };

        private static (string Direct, string Tree) BothWays(IJsonService service, string operation, string request)
        {
            object? direct = JsonServiceCall.Execute(service, operation, JsonNode.Parse(request)!.AsObject());
            Assert.IsAssignableFrom<IJsonAnswer>(direct);
            var first = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(first, Options)) JsonServiceCall.Write(writer, direct);
            JsonNode? tree = service.Handle(operation, JsonNode.Parse(request)!.AsObject());
            var second = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(second, Options)) JsonProtocolWriter.WriteNode(writer, tree);
            return (Encoding.UTF8.GetString(first.WrittenSpan), Encoding.UTF8.GetString(second.WrittenSpan));
        }

        private static LogsTestService LogsWithEvents()
        {
            var logs = new LogsTestService();
            logs.CreateStream("/aws/sagemaker/TrainingJobs", "job/algo-1");
            logs.CreateStream("/aws/sagemaker/TrainingJobs", "job/algo-2");
            long t = LogsTestService.NowMs - 60_000;
            logs.Put("/aws/sagemaker/TrainingJobs", "job/algo-1",
                Enumerable.Range(0, 30).Select(i => (t + i * 10, $"epoch {i} loss=0.{i} \"quoted\" \\ tab\t é 😀 <x>")).ToArray());
            logs.Put("/aws/sagemaker/TrainingJobs", "job/algo-2",
                Enumerable.Range(0, 30).Select(i => (t + i * 10 + 5, $"line {i}")).ToArray());
            return logs;
        }

        [Fact]
        public void FilterLogEventsPagesMatchTheTree()
        {
            LogsTestService logs = LogsWithEvents();
            string? token = null;
            int pages = 0;
            do
            {
                string request = "{\"logGroupName\":\"/aws/sagemaker/TrainingJobs\",\"limit\":25,\"filterPattern\":\"\"" +
                                 (token == null ? "" : $",\"nextToken\":\"{token}\"") + "}";
                var (direct, tree) = BothWays(logs.Service, "FilterLogEvents", request);
                Assert.Equal(tree, direct);
                JsonNode page = JsonNode.Parse(direct)!;
                if (token == null) Assert.Equal(25, page["events"]!.AsArray().Count);
                token = page["nextToken"]?.GetValue<string>();
                pages++;
            } while (token != null && pages < 10);
            Assert.Equal(3, pages);
        }

        [Fact]
        public void GetLogEventsPagesMatchTheTree()
        {
            LogsTestService logs = LogsWithEvents();
            var (direct, tree) = BothWays(logs.Service, "GetLogEvents",
                "{\"logGroupName\":\"/aws/sagemaker/TrainingJobs\",\"logStreamName\":\"job/algo-1\",\"limit\":12,\"startFromHead\":true}");
            Assert.Equal(tree, direct);
            JsonNode page = JsonNode.Parse(direct)!;
            Assert.Equal(12, page["events"]!.AsArray().Count);
            Assert.StartsWith("f/", page["nextForwardToken"]!.GetValue<string>());
        }

        [Fact]
        public void GetMetricDataPagesMatchTheTree()
        {
            var bench = new CloudWatchBench();
            var dims = new[] { ("Host", "algo-1") };
            long start = bench.Now - 3600;
            bench.Put("/aws/sagemaker/TrainingJobs", "CPUUtilization", dims,
                Enumerable.Range(0, 3600).Select(i => (start + i, 12.5 + i % 7 * 0.1 + i * 1e-7)), resolution: 1);
            string queries = string.Join(",",
                CloudWatchBench.Query("cpu", "/aws/sagemaker/TrainingJobs", "CPUUtilization", dims, 1, "Average", label: "CPU"),
                CloudWatchBench.Query("p90", "/aws/sagemaker/TrainingJobs", "CPUUtilization", dims, 60, "p90"),
                CloudWatchBench.Query("none", "/aws/sagemaker/TrainingJobs", "Missing", dims, 60, "Sum"));
            string? token = null;
            int pages = 0;
            do
            {
                string request = $"{{\"MetricDataQueries\":[{queries}],\"StartTime\":{start},\"EndTime\":{bench.Now},\"MaxDatapoints\":1000" +
                                 (token == null ? "" : $",\"NextToken\":\"{token}\"") + "}";
                var (direct, tree) = BothWays(bench.Service, "GetMetricData", request);
                Assert.Equal(tree, direct);
                token = JsonNode.Parse(direct)!["NextToken"]?.GetValue<string>();
                pages++;
            } while (token != null && pages < 20);
            Assert.Equal(4, pages);
        }
    }
}
