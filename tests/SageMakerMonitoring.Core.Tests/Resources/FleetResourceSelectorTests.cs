using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Resources
{
    /// <summary>Selection over several scopes: each scope's own listing, a scope whose listing fails is one failure item
    /// and the others are still read (in turn, one item of each per round), warnings name their scope.</summary>
    public sealed class FleetResourceSelectorTests
    {
        [Fact]
        public async Task Scopes_are_taken_in_turn_and_a_failing_one_is_one_failure_item()
        {
            var east = new Scope("us-east-1", new Lister(new[] { "nightly-1", "nightly-2" }));
            var broken = new Scope("eu-west-1", new Lister(null));
            var west = new Scope("eu-central-1", new Lister(new[] { "nightly-3", "weekly-1", "nightly-4", "nightly-5" }));
            var reporter = new Reporter();
            var items = new List<FleetItem>();
            await foreach (var item in FleetResourceSelector.SelectAsync(new[] { east.Fleet, broken.Fleet, west.Fleet },
                new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-*" }), reporter, CancellationToken.None))
            {
                items.Add(item);
            }

            // One of each scope per round, so a few parallel slots read several Regions at once.
            Assert.Equal(new[] { "us-east-1:nightly-1", "eu-west-1:", "eu-central-1:nightly-3", "us-east-1:nightly-2", "eu-central-1:nightly-4", "eu-central-1:nightly-5" },
                items.Select(i => i.Scope.Label + ":" + i.Resource?.Name));
            var failed = items[1];
            Assert.IsType<AwsServiceException>(failed.Failure);
            Assert.Equal("eu-west-1", failed.Target);
            Assert.Empty(reporter.Warnings);
        }

        [Fact]
        public async Task With_several_scopes_a_pattern_matching_nothing_warns_naming_the_scope()
        {
            var reporter = new Reporter();
            var scopes = new[] { new Scope("us-east-1", new Lister(new[] { "nightly-1" })).Fleet, new Scope("eu-west-1", new Lister(new[] { "other" })).Fleet };
            var items = new List<FleetItem>();
            await foreach (var item in FleetResourceSelector.SelectAsync(scopes, new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-*" }),
                reporter, CancellationToken.None))
            {
                items.Add(item);
            }
            Assert.Single(items);
            Assert.Equal(new[] { "eu-west-1: No training job name matches 'nightly-*' in this account and region." }, reporter.Warnings);
        }

        private sealed class Scope
        {
            public Scope(string region, ISageMakerClient sageMaker) => Fleet = new FleetScope(region, new Factory(region, sageMaker));
            public FleetScope Fleet { get; }
        }

        private sealed class Reporter : IOperationReporter
        {
            public List<string> Warnings { get; } = new List<string>();
            public void Verbose(string message) { }
            public void Warning(string message) => Warnings.Add(message);
            public void Progress(ProgressInfo progress) { }
        }

        private sealed class Factory : IAwsClientFactory
        {
            private readonly ISageMakerClient _sageMaker;
            public Factory(string region, ISageMakerClient sageMaker) { Region = region; _sageMaker = sageMaker; }
            public string Region { get; }
            public ISageMakerClient CreateSageMaker() => _sageMaker;
            public ICloudWatchClient CreateCloudWatch() => throw new NotSupportedException();
            public ICloudWatchLogsClient CreateCloudWatchLogs() => throw new NotSupportedException();
            public IEventBridgeClient CreateEventBridge() => throw new NotSupportedException();
            public IObjectStoreClient CreateObjectStore() => throw new NotSupportedException();
            public ICallerIdentityClient CreateCallerIdentity() => throw new NotSupportedException();
        }

        /// <summary>Lists the given names in one page; null: every List call is refused (AccessDeniedException).</summary>
        private sealed class Lister : UnsupportedSageMakerClient
        {
            private readonly string[]? _names;
            public Lister(string[]? names) => _names = names;

            public override Task<SageMakerSummaryPage> ListSummariesAsync(SageMakerListFilter filter, string? nextToken, CancellationToken cancellationToken)
            {
                if (_names is null) throw new AwsServiceException("SageMaker", "ListTrainingJobs", "AccessDeniedException", 400, null, "not allowed");
                return Task.FromResult(new SageMakerSummaryPage(_names.Where(n => filter.NameContains is null || n.Contains(filter.NameContains))
                    .Select(n => new SageMakerResourceSummary(n, null, "Completed", null)).ToList(), null));
            }

        }
    }
}
