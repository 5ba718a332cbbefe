using System;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>Log streams given as objects (Get-SageMakerLogStream piped on): one exact read per log group.</summary>
    public class LogStreamBatchTests
    {
        private const string Group = "/aws/sagemaker/TrainingJobs";
        private static readonly DateTime At = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

        private static LogStream Stream(string group, string name, DateTime? first) =>
            new LogStream(LogStreamName.Parse(group, name), first?.AddMinutes(-1), first, first?.AddHours(1), null, 0, null);

        [Fact]
        public void Streams_group_by_log_group_with_their_exact_names_common_prefix_and_earliest_data()
        {
            var batches = LogStreamBatch.Group(new[]
            {
                Stream(Group, "job/algo-1-1765000000", At.AddMinutes(5)),
                Stream("/aws/sagemaker/Endpoints/churn", "AllTraffic/i-0abc", At),
                Stream(Group, "job/algo-10-1765000000", At.AddMinutes(2)),
                Stream(Group, "job/algo-1-1765000000", At.AddMinutes(5)),
            });
            Assert.Equal(2, batches.Count);
            var training = batches[0];
            Assert.Equal(Group, training.LogGroupName);
            Assert.Equal(new[] { "job/algo-1-1765000000", "job/algo-10-1765000000" }, training.LogStreamNames);
            Assert.Equal("job/algo-1", training.Location.LogStreamNamePrefix);
            Assert.Equal(At.AddMinutes(2), training.Earliest);
            Assert.False(training.Selector.SelectsAll);
        }

        [Fact]
        public void The_selector_takes_exactly_the_named_streams()
        {
            var batch = LogStreamBatch.Group(new[] { Stream(Group, "job/algo-1-1765000000", At) }).Single();
            Assert.True(batch.Selector.Matches(LogStreamName.Parse(Group, "job/algo-1-1765000000")));
            Assert.False(batch.Selector.Matches(LogStreamName.Parse(Group, "job/algo-1-1765000000-extra")));
            Assert.False(batch.Selector.Matches(LogStreamName.Parse(Group, "job/algo-2-1765000000")));
        }
    }
}
