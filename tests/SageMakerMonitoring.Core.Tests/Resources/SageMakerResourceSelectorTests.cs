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
    /// <summary>The resource selector over a scripted SageMaker: patterns list every page with NameContains and the
    /// server-side filters, match exactly, dedupe across patterns; plain names go through Describe only when filters
    /// apply; a pattern matching nothing is a warning, a plain name SageMaker does not know the item's NotFound.</summary>
    public sealed class SageMakerResourceSelectorTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

        private static ScriptedSageMaker Jobs(int count, Func<int, string>? status = null) => new ScriptedSageMaker(
            Enumerable.Range(1, count).Select(i => new SageMakerResourceSummary($"nightly-{i:000}", $"arn:aws:sagemaker:us-east-1:111122223333:training-job/nightly-{i:000}",
                status?.Invoke(i) ?? "Completed", T0.AddHours(i))));

        private static async Task<List<SelectedResource>> Select(ScriptedSageMaker client, ResourceSelection selection, Reporter? reporter = null)
        {
            var selector = new SageMakerResourceSelector(client, reporter ?? new Reporter());
            var list = new List<SelectedResource>();
            await foreach (var item in selector.SelectAsync(selection, CancellationToken.None)) list.Add(item);
            return list;
        }

        [Fact]
        public async Task A_pattern_reads_every_page_and_sends_its_longest_literal_as_namecontains()
        {
            var client = Jobs(250);
            client.Add(new SageMakerResourceSummary("eval-nightly-x", null, "Completed", T0));
            var selected = await Select(client, new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-*" }));

            Assert.Equal(250, selected.Count);
            Assert.Equal(3, client.Calls.Count);                                   // 100 + 100 + 50
            Assert.All(client.Calls, c => Assert.Equal("nightly-", c.Filter.NameContains));
            Assert.Equal(new string?[] { null, "100", "200" }, client.Calls.Select(c => c.Token));
            Assert.Equal("arn:aws:sagemaker:us-east-1:111122223333:training-job/nightly-001", selected[0].Arn);
            Assert.DoesNotContain(selected, s => s.Resource.Name == "eval-nightly-x"); // listed by NameContains, refused by the exact match
        }

        [Fact]
        public async Task A_pattern_in_another_case_still_finds_its_names_with_one_more_listing()
        {
            var client = Jobs(3);
            var selected = await Select(client, new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "NIGHTLY-00*" }));
            Assert.Equal(new[] { "nightly-001", "nightly-002", "nightly-003" }, selected.Select(s => s.Resource.Name));
            Assert.Equal(new[] { "NIGHTLY-00", null }, client.Calls.Select(c => c.Filter.NameContains));
        }

        [Fact]
        public async Task Names_selected_by_several_patterns_are_read_once()
        {
            var client = Jobs(5);
            var selected = await Select(client, new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-00[12]", "nightly-001", "*-002", "nightly-003" }));
            Assert.Equal(new[] { "nightly-001", "nightly-002", "nightly-003" }, selected.Select(s => s.Resource.Name));
        }

        [Fact]
        public async Task One_status_and_the_creation_time_are_sent_to_the_service()
        {
            var client = Jobs(10, i => i % 2 == 0 ? "Failed" : "Completed");
            var selection = new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-*" })
            {
                Statuses = new[] { "failed" },
                CreatedAfter = T0.AddHours(4),
            };
            var selected = await Select(client, selection);
            Assert.Equal(new[] { "nightly-006", "nightly-008", "nightly-010" }, selected.Select(s => s.Resource.Name));
            Assert.Equal("Failed", client.Calls[0].Filter.StatusEquals);             // the service's spelling
            Assert.Equal(T0.AddHours(4), client.Calls[0].Filter.CreatedAfter);
        }

        [Fact]
        public async Task Several_statuses_are_matched_on_the_listed_summaries()
        {
            var client = Jobs(6, i => i <= 2 ? "InProgress" : i <= 4 ? "Failed" : "Completed");
            var selection = new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "*" }) { Statuses = new[] { "InProgress", "Failed" } };
            var selected = await Select(client, selection);
            Assert.Equal(new[] { "nightly-001", "nightly-002", "nightly-003", "nightly-004" }, selected.Select(s => s.Resource.Name));
            Assert.Null(client.Calls[0].Filter.StatusEquals);
            Assert.Null(client.Calls[0].Filter.NameContains);                       // '*' has no literal
        }

        [Fact]
        public async Task A_pattern_that_matches_nothing_is_a_warning_and_no_item()
        {
            var reporter = new Reporter();
            var selected = await Select(Jobs(3), new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "weekly-*" }), reporter);
            Assert.Empty(selected);
            Assert.Contains(reporter.Warnings, w => w.Contains("'weekly-*'") && w.Contains("training job"));
            Assert.Single(reporter.Warnings);
        }

        [Fact]
        public async Task Plain_names_without_filters_are_read_as_given_without_a_call()
        {
            var client = Jobs(3);
            var selected = await Select(client, new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-001", "does-not-exist" }));
            Assert.Equal(new[] { "nightly-001", "does-not-exist" }, selected.Select(s => s.Resource.Name));
            Assert.All(selected, s => Assert.Null(s.Failure));
            Assert.Empty(client.Calls);
            Assert.Equal(0, client.Describes);
        }

        [Fact]
        public async Task With_filters_a_plain_name_is_described_and_an_unknown_one_is_its_own_not_found()
        {
            var client = Jobs(3, i => i == 2 ? "Failed" : "Completed");
            var reporter = new Reporter();
            var selection = new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-001", "nightly-002", "nightly-0o3", "nightly-*" })
            {
                Statuses = new[] { "Failed" },
            };
            var selected = await Select(client, selection, reporter);

            Assert.Equal(new[] { "nightly-002", "nightly-0o3" }, selected.Select(s => s.Resource.Name));
            Assert.Null(selected[0].Failure);
            var failure = selected[1].Failure!;
            Assert.Equal("TrainingJobNotFound", failure.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, failure.Kind);
            Assert.Contains("nightly-003", failure.Message);                          // similar names that exist
            Assert.Empty(reporter.Warnings);                                           // the pattern matched nightly-002, read once
        }

        [Fact]
        public async Task SelectOne_refuses_a_pattern_matching_more_than_one()
        {
            var selector = new SageMakerResourceSelector(Jobs(5), new Reporter());
            var error = await Assert.ThrowsAsync<MonitoringException>(() =>
                selector.SelectOneAsync(new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "nightly-*" }), CancellationToken.None));
            Assert.Equal("MoreThanOneResource", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            var one = await selector.SelectOneAsync(new ResourceSelection(SageMakerResourceType.TrainingJob, new[] { "*-004" }), CancellationToken.None);
            Assert.Equal("nightly-004", one!.Name);
        }

        [Fact]
        public void Statuses_a_kind_does_not_have_are_refused_before_any_call()
        {
            var error = Assert.Throws<MonitoringException>(() => SageMakerResourceSelector.Validate(
                new ResourceSelection(SageMakerResourceType.ProcessingJob, new[] { "x" }) { Statuses = new[] { "Deleting" } }));
            Assert.Equal("InvalidStatus", error.ErrorId);
            Assert.Equal("Deleting", error.TargetObject);
        }

        private sealed class Reporter : IOperationReporter
        {
            public List<string> Warnings { get; } = new List<string>();
            public void Verbose(string message) { }
            public void Warning(string message) => Warnings.Add(message);
            public void Progress(ProgressInfo progress) { }
        }

        /// <summary>A SageMaker that lists its summaries 100 a page, oldest first, applying the filters as botocore's
        /// model documents them (NameContains a substring, CreationTimeAfter strictly after, StatusEquals).</summary>
        private sealed class ScriptedSageMaker : UnsupportedSageMakerClient
        {
            private readonly List<SageMakerResourceSummary> _items;
            public ScriptedSageMaker(IEnumerable<SageMakerResourceSummary> items) => _items = items.ToList();
            public void Add(SageMakerResourceSummary item) => _items.Add(item);
            public List<(SageMakerListFilter Filter, string? Token)> Calls { get; } = new List<(SageMakerListFilter, string?)>();
            public int Describes { get; private set; }

            public override Task<SageMakerSummaryPage> ListSummariesAsync(SageMakerListFilter filter, string? nextToken, CancellationToken cancellationToken)
            {
                Calls.Add((filter, nextToken));
                var kept = _items.Where(i => (filter.NameContains is null || i.Name.Contains(filter.NameContains))
                    && (filter.StatusEquals is null || i.Status == filter.StatusEquals)
                    && (filter.CreatedAfter is null || i.CreationTime > filter.CreatedAfter)).OrderBy(i => i.CreationTime).ToList();
                var offset = nextToken is null ? 0 : int.Parse(nextToken);
                var page = kept.Skip(offset).Take(100).ToList();
                return Task.FromResult(new SageMakerSummaryPage(page, offset + 100 < kept.Count ? (offset + 100).ToString() : null));
            }

            public override Task<SageMakerNamePage> ListNamesAsync(SageMakerNameList list, string? nameContains, string? nextToken, CancellationToken cancellationToken) =>
                Task.FromResult(new SageMakerNamePage(_items.Where(i => nameContains is null || i.Name.Contains(nameContains)).Select(i => i.Name).ToList(), null));

            public override Task<SageMakerJobDescription> DescribeTrainingJobAsync(string name, CancellationToken cancellationToken)
            {
                Describes++;
                var item = _items.FirstOrDefault(i => i.Name == name)
                    ?? throw new AwsServiceException("SageMaker", "DescribeTrainingJob", "ValidationException", 400, null, "Requested resource not found.");
                return Task.FromResult(new SageMakerJobDescription { Name = item.Name, Arn = item.Arn, Status = item.Status!, CreationTime = item.CreationTime });
            }

        }
    }
}
