using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    public class DemoLogSeedTests
    {
        private readonly LogsTestService _logs = new LogsTestService();
        private readonly long _now = LogsTestService.NowMs;

        public DemoLogSeedTests()
        {
            _logs.Service.Seed("demo");
        }

        [Fact]
        public void DemoGroupsAndStreamsFollowSageMakerNaming()
        {
            var groups = _logs.Call("DescribeLogGroups", new { })["logGroups"]!.AsArray().Select(g => (string)g!["logGroupName"]!).ToList();
            Assert.Equal(new[]
            {
                "/aws/sagemaker/Endpoints/demo-churn-endpoint", "/aws/sagemaker/NotebookInstances", "/aws/sagemaker/ProcessingJobs",
                "/aws/sagemaker/TrainingJobs", "/aws/sagemaker/TransformJobs",
            }, groups);
            long epoch = (_now - 2 * 3_600_000) / 1000;
            Assert.Equal(Enumerable.Range(1, 4).Select(n => $"demo-train-resnet50/algo-{n}-{epoch}"), StreamNames("/aws/sagemaker/TrainingJobs"));
            Assert.Equal(new[] { "Pipeline/i-0a1b2c3d4e5f60003/container-1", "Pipeline/i-0a1b2c3d4e5f60003/container-2", "Primary/i-0a1b2c3d4e5f60001", "Primary/i-0a1b2c3d4e5f60002" },
                StreamNames("/aws/sagemaker/Endpoints/demo-churn-endpoint"));
            Assert.Equal(new[] { "demo-notebook/LifecycleConfigOnStart", "demo-notebook/jupyter.log" }, StreamNames("/aws/sagemaker/NotebookInstances"));
            Assert.All(_logs.Call("DescribeLogStreams", new { logGroupName = "/aws/sagemaker/TrainingJobs" })["logStreams"]!.AsArray(),
                s => Assert.InRange((long)s!["lastEventTimestamp"]!, _now - 10 * 60_000, _now));
        }

        [Fact]
        public void TrainingLogsShowEpochsTheStallAndTheNcclError()
        {
            var (errors, _) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/aws/sagemaker/TrainingJobs", ["filterPattern"] = "ERROR" });
            JsonObject error = Assert.Single(errors);
            Assert.Equal("ERROR: NCCL timeout on rank 2, retrying collective", (string)error["message"]!);
            Assert.StartsWith("demo-train-resnet50/algo-3-", (string)error["logStreamName"]!);

            var (warnings, _) = _logs.FilterAll(new Dictionary<string, object> { ["logGroupName"] = "/aws/sagemaker/TrainingJobs", ["filterPattern"] = "\"data loader worker 2 is slow\"" });
            Assert.True(warnings.Count >= 4 * 6);
            Assert.All(warnings, w => Assert.InRange((long)w["timestamp"]!, _now - 70 * 60_000, _now - 62 * 60_000));

            var (epochs, _) = _logs.FilterAll(new Dictionary<string, object>
            {
                ["logGroupName"] = "/aws/sagemaker/TrainingJobs", ["logStreamNamePrefix"] = "demo-train-resnet50/algo-1-", ["filterPattern"] = "Epoch accuracy",
            });
            Assert.Equal(20, epochs.Count);
            Assert.Matches(@"^Epoch 3/20 - loss: \d\.\d{4} - accuracy: \d\.\d{4}$", (string)epochs[2]["message"]!);
        }

        [Fact]
        public void EndpointAndNotebookLogsCarryTheirDemoLines()
        {
            var (slow, _) = _logs.FilterAll(new Dictionary<string, object>
            {
                ["logGroupName"] = "/aws/sagemaker/Endpoints/demo-churn-endpoint", ["filterPattern"] = "{ $.level = \"ERROR\" && $.latencyMs = 812 }",
            });
            Assert.Equal(4, slow.Count);
            Assert.All(slow, e => Assert.Equal("{\"level\":\"ERROR\",\"latencyMs\":812,\"path\":\"/invocations\",\"status\":500}", (string)e["message"]!));
            var (requests, _) = _logs.FilterAll(new Dictionary<string, object>
            {
                ["logGroupName"] = "/aws/sagemaker/Endpoints/demo-churn-endpoint", ["logStreamNames"] = new[] { "Primary/i-0a1b2c3d4e5f60001" }, ["filterPattern"] = "\"POST /invocations\"",
            });
            Assert.InRange(requests.Count, 600, 800);

            JsonObject last = _logs.Call("GetLogEvents", new { logGroupName = "/aws/sagemaker/NotebookInstances", logStreamName = "demo-notebook/LifecycleConfigOnStart", limit = 1 });
            Assert.StartsWith("ERROR: No matching distribution found", (string)last["events"]![0]!["message"]!);
        }

        [Fact]
        public void SeedingIsDeterministic()
        {
            var other = new LogsTestService();
            other.Service.Seed("demo");
            var request = new Dictionary<string, object> { ["logGroupName"] = "/aws/sagemaker/Endpoints/demo-churn-endpoint", ["filterPattern"] = "ERROR" };
            var mine = _logs.FilterAll(request).Events.Select(e => e.ToJsonString()).ToList();
            Assert.NotEmpty(mine);
            Assert.Equal(mine, other.FilterAll(request).Events.Select(e => e.ToJsonString()));
        }

        private List<string> StreamNames(string group) =>
            _logs.Call("DescribeLogStreams", new { logGroupName = group })["logStreams"]!.AsArray().Select(s => (string)s!["logStreamName"]!).ToList();
    }
}
