using System.Collections.Generic;
using System.Linq;
using System.Text;
using SageMakerMonitoring.Core.Debugger;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Debugger
{
    public class DebuggerSystemLineParserTests
    {
        // Lines as in awslabs/sagemaker-debugger tests/profiler/resources/test_traces/system/incremental/.
        private const string Cpu = "{\"Type\":\"cpu\",\"Name\":\"cpu5\",\"Dimension\":\"CPUUtilization\",\"Value\":1.36,\"NodeId\":\"algo-1\",\"Timestamp\":1591748109.2321954}";
        private const string Gpu = "{\"Type\": \"gpu\", \"Name\":\"gpu0\", \"Dimension\": \"GPUUtilization\", \"Value\":8.00,\"NodeId\":\"algo-1\",\"Timestamp\":1591160899.7570894}";
        private const string GpuMemory = "{\"Type\": \"gpu\", \"Name\":\"gpu0\", \"Dimension\": \"GPUMemoryUtilization\", \"Value\":14.76,\"NodeId\":\"algo-1\",\"Timestamp\":1591161699.1570894}";

        private static (List<DebuggerSystemRecord> Records, DebuggerSystemLineParser Parser) Parse(string text)
        {
            var parser = new DebuggerSystemLineParser();
            var records = new List<DebuggerSystemRecord>();
            parser.ParseFile(Encoding.UTF8.GetBytes(text), records.Add);
            return (records, parser);
        }

        [Fact]
        public void ReadsTheDocumentedRecords()
        {
            var (records, parser) = Parse(Cpu + "\n" + Gpu + "\n" + GpuMemory + "\n");
            Assert.Equal(3, records.Count);
            Assert.Equal(("CPUUtilization", "cpu5", "algo-1", 1.36), (records[0].MetricName, records[0].Device, records[0].Host, records[0].Value));
            Assert.Equal(1591748109.2321954, records[0].Timestamp, 6);
            Assert.Equal(("GPUUtilization", "gpu0", 8.0), (records[1].MetricName, records[1].Device, records[1].Value));
            Assert.Equal(("GPUMemoryUtilization", 14.76), (records[2].MetricName, records[2].Value));
            Assert.Equal(3, parser.Accepted);
            Assert.Equal(0, parser.Invalid + parser.Truncated + parser.UnknownType);
        }

        [Fact]
        public void MemoryUsedPercentIsTheHostsMemoryUtilization()
        {
            var (records, _) = Parse("{\"Type\":\"memory\",\"Dimension\":\"MemoryUsedPercent\",\"Value\":42.5,\"NodeId\":\"algo-2\",\"Timestamp\":1591748109.5}\n");
            var r = Assert.Single(records);
            Assert.Equal(("MemoryUtilization", (string?)null, "algo-2", 42.5), (r.MetricName, r.Device, r.Host, r.Value));
        }

        [Fact]
        public void ATruncatedLastLineIsSkippedAsTruncated()
        {
            var (records, parser) = Parse(Cpu + "\n" + Gpu.Substring(0, 40));
            Assert.Single(records);
            Assert.Equal(1, parser.Truncated);
            Assert.Equal(0, parser.Invalid);
        }

        [Fact]
        public void ACompleteLastLineWithoutNewlineIsRead()
        {
            var (records, parser) = Parse(Cpu + "\r\n" + Gpu);
            Assert.Equal(2, records.Count);
            Assert.Equal(0, parser.Truncated);
        }

        [Fact]
        public void UnknownTypesAndDimensionsAreSkipped()
        {
            var (records, parser) = Parse(string.Join("\n",
                "{\"Type\":\"network\",\"Name\":\"eth0\",\"Dimension\":\"ReceiveBytesPerSecond\",\"Value\":1000,\"NodeId\":\"algo-1\",\"Timestamp\":1591748109.2}",
                "{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUTemperature\",\"Value\":60,\"NodeId\":\"algo-1\",\"Timestamp\":1591748109.2}",
                "{\"Type\":\"algorithm\",\"Dimension\":\"Throughput\",\"Value\":5,\"NodeId\":\"algo-1\",\"Timestamp\":1591748109.2}",
                Gpu, ""));
            Assert.Single(records);
            Assert.Equal(3, parser.UnknownType);
            Assert.Equal(0, parser.Invalid);
        }

        [Theory]
        [InlineData("not json")]
        [InlineData("[1,2,3]")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":180,\"NodeId\":\"algo-1\",\"Timestamp\":1591160899.7}")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":-1,\"NodeId\":\"algo-1\",\"Timestamp\":1591160899.7}")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":\"8\",\"NodeId\":\"algo-1\",\"Timestamp\":1591160899.7}")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":8,\"NodeId\":\"../algo-1\",\"Timestamp\":1591160899.7}")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":8,\"NodeId\":\"algo-1\",\"Timestamp\":12}")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":8,\"NodeId\":\"algo-1\"}")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"<script>\",\"Dimension\":\"GPUUtilization\",\"Value\":8,\"NodeId\":\"algo-1\",\"Timestamp\":1591160899.7}")]
        [InlineData("{\"Type\":\"cpu\",\"Name\":\"gpu1\",\"Dimension\":\"CPUUtilization\",\"Value\":8,\"NodeId\":\"algo-1\",\"Timestamp\":1591160899.7}")]
        [InlineData("{\"Type\":\"gpu\",\"Name\":\"gpu0\",\"Dimension\":\"GPUUtilization\",\"Value\":8,\"NodeId\":\"algo-1\",\"Timestamp\":1591160899.7} {}")]
        public void InvalidLinesInTheMiddleAreCountedAndSkipped(string line)
        {
            var (records, parser) = Parse(Cpu + "\n" + line + "\n" + Cpu + "\n");
            Assert.Equal(2, records.Count);
            Assert.Equal(1, parser.Invalid);
            Assert.Equal(0, parser.Truncated);
        }

        [Fact]
        public void BoundaryValuesZeroAndHundredAreAccepted()
        {
            var (records, _) = Parse(Gpu.Replace("8.00", "0") + "\n" + Gpu.Replace("8.00", "100") + "\n");
            Assert.Equal(new[] { 0.0, 100.0 }, records.Select(r => r.Value));
        }
    }
}
