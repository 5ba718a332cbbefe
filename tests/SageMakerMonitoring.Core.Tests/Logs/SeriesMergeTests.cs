using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Logs;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>The k-way merge and the name chunking, as pure logic.</summary>
    public class SeriesMergeTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        private static FilterLogEventsPage P(params LogEventRecord[] events) => new FilterLogEventsPage { Events = events };

        private static LogEventRecord E(string stream, int ms, int ingestMs, string id) =>
            new LogEventRecord { LogStreamName = stream, Timestamp = T0.AddMilliseconds(ms), IngestionTime = T0.AddMilliseconds(ingestMs), Message = id, EventId = id };

        [Fact]
        public void MergesByTimestampThenIngestionThenSeries()
        {
            var merge = new SeriesMerge(3);
            merge.Add(0, P(E("a", 0, 10, "a0"), E("a", 5, 6, "a5"), E("a", 9, 9, "a9")));
            merge.Add(1, P(E("b", 5, 5, "b5"), E("b", 5, 7, "b5late"), E("b", 20, 20, "b20")));
            merge.Add(2, P(E("c", 5, 6, "c5")));
            var order = new List<string>();
            var refills = new List<int>();
            while (merge.Count > 0)
            {
                var (index, record) = merge.Take();
                order.Add(record.EventId!);
                if (merge.NeedsRefill(index)) refills.Add(index);
            }
            Assert.Equal(new[] { "a0", "b5", "a5", "c5", "b5late", "a9", "b20" }, order);
            Assert.Equal(new[] { 2, 0, 1 }, refills);
        }

        [Fact]
        public void RefilledSeriesRejoinTheMerge()
        {
            var merge = new SeriesMerge(2);
            merge.Add(0, P(E("a", 1, 1, "a1")));
            merge.Add(1, P(E("b", 2, 2, "b2"), E("b", 4, 4, "b4")));
            var (i, r) = merge.Take();
            Assert.Equal("a1", r.EventId);
            Assert.True(merge.NeedsRefill(i));
            merge.Add(0, P(E("a", 3, 3, "a3")));
            var rest = new List<string>();
            while (merge.Count > 0) rest.Add(merge.Take().Record.EventId!);
            Assert.Equal(new[] { "b2", "a3", "b4" }, rest);
        }

        [Fact]
        public void NamesAreChunkedByTheLimitPerCall()
        {
            var names = Enumerable.Range(0, 250).Select(i => $"job/algo-{i:D3}-1764000000").ToList();
            var plan = LogReadPlan.ForNames(names, 100);
            Assert.False(plan.ByPrefix);
            Assert.Equal(new[] { 100, 100, 50 }, plan.NameChunks.Select(c => c.Count));
            Assert.Equal(names, plan.NameChunks.SelectMany(c => c));
            Assert.True(LogReadPlan.ForNames(Array.Empty<string>(), 100).IsEmpty);
            Assert.False(LogReadPlan.ForPrefix(null).IsEmpty);
        }
    }
}
