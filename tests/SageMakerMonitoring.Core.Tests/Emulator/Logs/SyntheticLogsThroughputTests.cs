using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    /// <summary>Serving rate of FilterLogEvents over the 1,000,000-event synthetic job (16 streams x 62,500).</summary>
    public class SyntheticLogsThroughputTests
    {
        private readonly ITestOutputHelper _output;

        public SyntheticLogsThroughputTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void FilterLogEventsServesTheMillionEventJobWellAbove150kEventsPerSecond()
        {
            var logs = new LogsTestService();
            JsonNode? created = logs.Control("synthetic", new
            {
                logGroupName = "/aws/sagemaker/TrainingJobs", jobName = "bench-train", streams = 16, eventsPerStream = 62_500,
                start = "2026-11-28T07:00:00Z", intervalMs = 10,
            });
            Assert.Equal(1_000_000L, (long)created!["events"]!);
            JsonObject described = logs.Call("DescribeLogStreams", new { logGroupName = "/aws/sagemaker/TrainingJobs", logStreamNamePrefix = "bench-train/" });
            Assert.Equal(16, described["logStreams"]!.AsArray().Count);

            var wall = new Stopwatch();
            var serialize = new Stopwatch();
            TimeSpan handleCpu = TimeSpan.Zero, serializeCpu = TimeSpan.Zero;
            long served = 0;
            int pages = 0;
            string? token = null;
            long lastTimestamp = long.MinValue;
            do
            {
                var request = new Dictionary<string, object> { ["logGroupName"] = "/aws/sagemaker/TrainingJobs", ["logStreamNamePrefix"] = "bench-train/" };
                if (token != null) request["nextToken"] = token;
                JsonObject input = JsonSerializerRequest(request);
                TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                wall.Start();
                JsonNode? page = logs.Service.Handle("FilterLogEvents", input);
                wall.Stop();
                TimeSpan cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
                serialize.Start();
                string wire = page!.ToJsonString(); // what the host does next: write the answer
                serialize.Stop();
                handleCpu += cpu1 - cpu0;
                serializeCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu1;
                JsonArray events = page["events"]!.AsArray();
                served += events.Count;
                Assert.True((long)events[0]!["timestamp"]! >= lastTimestamp);
                lastTimestamp = (long)events[events.Count - 1]!["timestamp"]!;
                Assert.True(wire.Length > 0);
                token = (string?)page["nextToken"];
                pages++;
            } while (token != null);
            double handleRate = served / handleCpu.TotalSeconds;
            _output.WriteLine($"served {served} events in {pages} pages");
            _output.WriteLine($"FilterLogEvents: {wall.ElapsedMilliseconds} ms wall, {handleCpu.TotalMilliseconds:F0} ms CPU -> {served / wall.Elapsed.TotalSeconds:F0} events/s wall, {handleRate:F0} events per CPU-second");
            _output.WriteLine($"with answer serialization: {(wall.Elapsed + serialize.Elapsed).TotalMilliseconds:F0} ms wall, {(handleCpu + serializeCpu).TotalMilliseconds:F0} ms CPU -> {served / (handleCpu + serializeCpu).TotalSeconds:F0} events per CPU-second");
            Assert.Equal(1_000_000, served);
            // CPU time, not wall time: the rate must hold even when the machine is shared.
            Assert.True(handleRate > 150_000, $"rate {handleRate:F0} events per CPU-second");
        }

        private static JsonObject JsonSerializerRequest(Dictionary<string, object> request) =>
            JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(request))!.AsObject();
    }
}
