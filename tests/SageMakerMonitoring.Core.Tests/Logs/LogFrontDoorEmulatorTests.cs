using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Tests.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Logs
{
    /// <summary>
    /// The log front doors (LogReadService, LogQueryService) against the emulator's demo world over HTTP: a name
    /// neither SageMaker nor CloudWatch Logs knows is &lt;Kind&gt;NotFound with similar names; a resource that exists but
    /// has nothing in the range is a warning saying where its data is; a missing explicit group is LogGroupNotFound.
    /// </summary>
    [Collection("LogsEmulator")]
    public sealed class LogFrontDoorEmulatorTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public LogFrontDoorEmulatorTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        private static SageMakerResource R(SageMakerResourceType type, string name) => SageMakerResource.Create(type, name);

        private static LogEventQuery Events(SageMakerResource resource, TimeSpan? since = null, LogStreamSelector? selector = null) =>
            new LogEventQuery(resource, LogLocationCatalog.For(resource)) { Since = since, Selector = selector ?? LogStreamSelector.All };

        private static async Task<List<LogEvent>> Read(LogReadService service, LogEventQuery query)
        {
            var list = new List<LogEvent>();
            await foreach (var page in service.GetEventsAsync(query, CancellationToken.None)) list.AddRange(page);
            return list;
        }

        [Fact]
        public async Task A_misspelled_job_with_an_explicit_range_is_TrainingJobNotFound_naming_both_searches()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var service = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), new RecordingReporter(), () => now);
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => Read(service, Events(R(SageMakerResourceType.TrainingJob, "demo-train-resnet5O"), TimeSpan.FromHours(1))));
            Assert.Equal("TrainingJobNotFound", ex.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, ex.Kind);
            Assert.Contains("DescribeTrainingJob", ex.Message);
            Assert.Contains("CloudWatch Logs /aws/sagemaker/TrainingJobs", ex.Message);
            Assert.Contains("demo-train-resnet50", ex.Message);
        }

        [Fact]
        public async Task A_misspelled_endpoint_is_EndpointNotFound_before_any_read()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var service = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), new RecordingReporter(), () => now);
            var ex = await Assert.ThrowsAsync<MonitoringException>(() => Read(service, Events(R(SageMakerResourceType.Endpoint, "demo-churn-endpoit"))));
            Assert.Equal("EndpointNotFound", ex.ErrorId);
            Assert.Contains("demo-churn-endpoint", ex.Message);

            var streams = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), new RecordingReporter(), () => now);
            var listing = await Assert.ThrowsAsync<MonitoringException>(async () =>
            {
                var resource = R(SageMakerResourceType.NotebookInstance, "demo-notebok");
                await foreach (var _ in streams.GetStreamsAsync(new LogStreamQuery(resource, LogLocationCatalog.For(resource)), CancellationToken.None)) { }
            });
            Assert.Equal("NotebookInstanceNotFound", listing.ErrorId);
            Assert.Contains("demo-notebook", listing.Message);
        }

        [Fact]
        public async Task A_job_with_nothing_in_the_range_warns_how_old_its_newest_event_is()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var reporter = new RecordingReporter();
            var service = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), reporter, () => now);
            var events = await Read(service, Events(R(SageMakerResourceType.TransformJob, "demo-batch-score"), TimeSpan.FromHours(1)));
            Assert.Empty(events);
            var warning = Assert.Single(reporter.Warnings);
            // The demo transform job's last line is at T-30h+59min.
            Assert.Contains("the newest event of demo-batch-score/i-0fedcba9876543210-", warning);
            Assert.Contains("is 29 h 01 min old", warning);
            Assert.Contains("widen -Since", warning);
        }

        [Fact]
        public async Task A_job_read_without_a_range_covers_its_lifetime()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var reporter = new RecordingReporter();
            var service = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), reporter, () => now);
            var events = await Read(service, Events(R(SageMakerResourceType.TransformJob, "demo-batch-score")));
            Assert.Equal(14, events.Count); // the start line, 12 parts, the completion line
            Assert.Empty(reporter.Warnings);
        }

        [Fact]
        public async Task A_selector_that_matches_no_stream_warns_with_the_streams_that_exist()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var reporter = new RecordingReporter();
            var service = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), reporter, () => now);
            var resource = R(SageMakerResourceType.TrainingJob, "demo-train-resnet50");
            var streams = new List<LogStream>();
            await foreach (var s in service.GetStreamsAsync(new LogStreamQuery(resource, LogLocationCatalog.For(resource)) { Selector = new LogStreamSelector { Hosts = new[] { "algo-9" } } }, CancellationToken.None))
                streams.Add(s);
            Assert.Empty(streams);
            var warning = Assert.Single(reporter.Warnings);
            Assert.Contains("algo-9", warning);
            Assert.Contains("demo-train-resnet50/algo-1-", warning);
        }

        [Fact]
        public async Task A_deleted_endpoint_whose_logs_remain_is_read_not_refused()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            await _emulator.PostControlAsync("sagemaker/delete", new JsonObject { ["type"] = "Endpoint", ["name"] = "demo-churn-endpoint" });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var service = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), new RecordingReporter(), () => now);
            var events = await Read(service, Events(R(SageMakerResourceType.Endpoint, "demo-churn-endpoint"), TimeSpan.FromHours(1)));
            Assert.NotEmpty(events);
        }

        [Fact]
        public async Task A_missing_explicit_log_group_is_LogGroupNotFound_for_reads_and_queries()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var group = R(SageMakerResourceType.Custom, "/no/such/group");
            var service = new LogReadService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), new RecordingReporter(), () => now);
            var read = await Assert.ThrowsAsync<MonitoringException>(() => Read(service, Events(group, TimeSpan.FromHours(1))));
            Assert.Equal("LogGroupNotFound", read.ErrorId);

            var queries = new LogQueryService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), new RecordingReporter(), () => now);
            var query = await Assert.ThrowsAsync<MonitoringException>(async () =>
            {
                await foreach (var _ in queries.RunAsync(new LogInsightsQuery(group, LogLocationCatalog.For(group), "fields @message")
                { LogGroupNames = new[] { "/no/such/group" }, Since = TimeSpan.FromHours(1) }, CancellationToken.None)) { }
            });
            Assert.Equal("LogGroupNotFound", query.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, query.Kind);
        }

        [Fact]
        public async Task A_query_over_a_misspelled_endpoint_is_EndpointNotFound_not_a_service_error()
        {
            DateTime now = await EmulatorWireClients.ResetFrozenAsync(_emulator);
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            var queries = new LogQueryService(factory.CreateCloudWatchLogs(), factory.CreateSageMaker(), new RecordingReporter(), () => now);
            foreach (var since in new TimeSpan?[] { null, TimeSpan.FromHours(1) })
            {
                var endpoint = R(SageMakerResourceType.Endpoint, "demo-churn-endpoit");
                var ex = await Assert.ThrowsAsync<MonitoringException>(async () =>
                {
                    await foreach (var _ in queries.RunAsync(new LogInsightsQuery(endpoint, LogLocationCatalog.For(endpoint), "fields @message") { Since = since }, CancellationToken.None)) { }
                });
                Assert.Equal("EndpointNotFound", ex.ErrorId);
                Assert.Contains("demo-churn-endpoint", ex.Message);
            }
        }

        private sealed class RecordingReporter : IOperationReporter
        {
            public List<string> Warnings { get; } = new List<string>();
            public void Verbose(string message) { }
            public void Warning(string message) { lock (Warnings) Warnings.Add(message); }
            public void Progress(ProgressInfo progress) { }
        }
    }
}
