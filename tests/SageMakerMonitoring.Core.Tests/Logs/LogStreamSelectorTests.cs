using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    public class LogStreamSelectorTests
    {
        private static LogStreamName Training(string s) => LogStreamName.Parse("/aws/sagemaker/TrainingJobs", s);
        private static LogStreamName Endpoint(string s) => LogStreamName.Parse("/aws/sagemaker/Endpoints/demo-churn-endpoint", s);

        [Fact]
        public void HostPatternsMatchBareAndQualifiedHosts()
        {
            var algo2 = Training("demo-train-resnet50/algo-2-1764000000");
            Assert.True(new LogStreamSelector { Hosts = new[] { "algo-2" } }.Matches(algo2));
            Assert.True(new LogStreamSelector { Hosts = new[] { "ALGO-2" } }.Matches(algo2));
            Assert.True(new LogStreamSelector { Hosts = new[] { "demo-train-resnet50/algo-2" } }.Matches(algo2));
            Assert.True(new LogStreamSelector { Hosts = new[] { "nope-*", "algo-*" } }.Matches(algo2));
            Assert.False(new LogStreamSelector { Hosts = new[] { "algo-1", "algo-3" } }.Matches(algo2));
            Assert.False(new LogStreamSelector { Hosts = new[] { "other-job/algo-2" } }.Matches(algo2));
            Assert.False(new LogStreamSelector { Hosts = new[] { "algo-2" } }.Matches(Training("demo-train-resnet50/algo-20-1764000000")));
        }

        [Fact]
        public void VariantContainerAndHookNarrowing()
        {
            var c1 = Endpoint("Pipeline/i-0a1b2c3d4e5f60003/container-1");
            var primary = Endpoint("Primary/i-0a1b2c3d4e5f60001");
            var byVariant = new LogStreamSelector { VariantNames = new[] { "Pipeline" } };
            Assert.True(byVariant.Matches(c1));
            Assert.False(byVariant.Matches(primary));
            var byContainer = new LogStreamSelector { ContainerNames = new[] { "container-2" } };
            Assert.False(byContainer.Matches(c1));
            Assert.False(byContainer.Matches(primary));
            Assert.True(new LogStreamSelector { ContainerNames = new[] { "container-*" }, VariantNames = new[] { "Pipeline" } }.Matches(c1));

            var hooks = new LogStreamSelector { LifecycleConfigHooks = new[] { "LifecycleConfigOnStart" } };
            Assert.True(hooks.Matches(LogStreamName.Parse("/aws/sagemaker/NotebookInstances", "demo-notebook/LifecycleConfigOnStart")));
            Assert.False(hooks.Matches(LogStreamName.Parse("/aws/sagemaker/NotebookInstances", "demo-notebook/jupyter.log")));
        }

        [Fact]
        public void EmptySelectorSelectsAll()
        {
            Assert.True(LogStreamSelector.All.SelectsAll);
            Assert.True(LogStreamSelector.All.Matches(Training("x/algo-1-1764000000")));
            Assert.False(new LogStreamSelector { Hosts = new[] { "a" } }.SelectsAll);
        }

        [Theory]
        [InlineData("*", "v", true)]
        [InlineData("a*c", "abbbc", true)]
        [InlineData("a*c", "abbbd", false)]
        [InlineData("a?c", "abc", true)]
        [InlineData("a?c", "ac", false)]
        [InlineData("*-2", "algo-2", true)]
        [InlineData("algo-*-x", "algo-1-2-x", true)]
        public void Wildcards(string pattern, string value, bool expected)
        {
            Assert.Equal(expected, LogStreamSelector_Wildcard(pattern, value));
        }

        private static bool LogStreamSelector_Wildcard(string pattern, string value) =>
            new LogStreamSelector { VariantNames = new[] { pattern } }.Matches(Endpoint(value + "/i-1"));
    }
}
