using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Says why a log read found nothing. A resource that neither SageMaker nor CloudWatch Logs knows is
    /// <c>&lt;Kind&gt;NotFound</c> (through the resource resolver, with similar names); an explicit log group that does not
    /// exist is <c>LogGroupNotFound</c>. A resource that exists but has nothing in the range is a warning that says where
    /// its data is ("the newest event of algo-1 is 3 h 05 min old; widen -Since").
    /// </summary>
    internal sealed class LogResourceCheck
    {
        private readonly LogStreamLister _lister;
        private readonly SageMakerResourceResolver? _resources;
        private readonly IOperationReporter _reporter;
        private readonly Func<DateTime> _clock;

        public LogResourceCheck(ICloudWatchLogsClient logs, SageMakerResourceResolver? resources, IOperationReporter reporter, Func<DateTime> clock)
        {
            _lister = new LogStreamLister(logs, reporter);
            _resources = resources;
            _reporter = reporter;
            _clock = clock;
        }

        /// <summary>The resource's description when its lifetime decides the range (<paramref name="needed"/>) and SageMaker
        /// can describe it; a resource nothing knows fails here, before any read. Null otherwise.</summary>
        public async Task<SageMakerResourceDescription?> DescribeIfNeededAsync(LogResourceQuery query, bool needed, CancellationToken cancellationToken)
        {
            if (!needed || _resources is null || !SageMakerResourceResolver.CanDescribe(query.Resource.Type)) return null;
            var description = await _resources.TryDescribeAsync(query.Resource, cancellationToken).ConfigureAwait(false);
            if (description is null) await EnsureKnownAsync(query, cancellationToken).ConfigureAwait(false);
            return description;
        }

        /// <summary>Fails with <c>&lt;Kind&gt;NotFound</c> unless the resource's log location has streams (a deleted
        /// endpoint's logs outlive it) or SageMaker knows it (the resolver caches its answer, so a resource already
        /// described is not asked again). Explicit log groups are not checked here.</summary>
        public async Task EnsureKnownAsync(LogResourceQuery query, CancellationToken cancellationToken)
        {
            if (query.Resource.Type == SageMakerResourceType.Custom) return;
            var streams = await _lister.ListAsync(query.Location, LogStreamSelector.All, missingGroupIsEmpty: true, cancellationToken).ConfigureAwait(false);
            if (streams.Count > 0) return;
            if (_resources != null && await _resources.TryDescribeAsync(query.Resource, cancellationToken).ConfigureAwait(false) != null) return;
            throw await NotFoundAsync(query, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Called when a read or listing found nothing: throws when nothing knows the resource, else warns with
        /// the reason and where the data is.</summary>
        /// <param name="range">The range read; null for a stream listing.</param>
        public async Task ExplainEmptyAsync(LogResourceQuery query, ResolvedTimeRange? range, string? filterPattern, CancellationToken cancellationToken)
        {
            var resource = query.Resource;
            var custom = resource.Type == SageMakerResourceType.Custom;
            var streams = await _lister.ListAsync(query.Location, LogStreamSelector.All, missingGroupIsEmpty: !custom, cancellationToken).ConfigureAwait(false);
            if (streams.Count == 0)
            {
                if (custom)
                {
                    _reporter.Warning($"{query.Location} has no log streams.");
                    return;
                }
                var description = _resources is null ? null : await _resources.TryDescribeAsync(resource, cancellationToken).ConfigureAwait(false);
                if (description is null) throw await NotFoundAsync(query, cancellationToken).ConfigureAwait(false);
                _reporter.Warning($"{resource} exists ({description.Status}) but has no log streams in {query.Location} yet.");
                return;
            }

            var matching = streams.Where(s => query.Selector.Matches(s.Name)).ToList();
            if (matching.Count == 0)
            {
                _reporter.Warning($"No log stream of {Name(query)} matches {query.Selector}. Streams that exist: {Sample(streams)}.");
                return;
            }
            if (range is null) return;

            var now = UtcTime.ToUtc(_clock());
            var newest = matching.Where(s => s.UtcLastEventTime != null).OrderByDescending(s => s.UtcLastEventTime).FirstOrDefault();
            var oldest = matching.Where(s => s.UtcFirstEventTime != null).OrderBy(s => s.UtcFirstEventTime).FirstOrDefault();
            var within = $"No events for {Name(query)} between {Format(range.Start)} and {(range.End is DateTime e ? Format(e) : "now")}";
            if (newest?.UtcLastEventTime is DateTime last && last < range.Start)
            {
                var age = now > last ? now - last : TimeSpan.Zero;
                _reporter.Warning($"{within}: the newest event of {newest.LogStreamName} is {TimeRangeResolver.Describe(age)} old ({Format(last)}); widen -Since or move -StartTime back.");
            }
            else if (range.End is DateTime end && oldest?.UtcFirstEventTime is DateTime first && first >= end)
            {
                _reporter.Warning($"{within}: the oldest event of {oldest.LogStreamName} is at {Format(first)}, after the range; move -EndTime later.");
            }
            else if (!string.IsNullOrEmpty(filterPattern))
            {
                _reporter.Warning($"{within} that match the filter pattern '{filterPattern}' ({matching.Count} stream(s) searched).");
            }
            else
            {
                _reporter.Warning($"{within} ({matching.Count} stream(s) searched).");
            }
        }

        public async Task<MonitoringException> NotFoundAsync(LogResourceQuery query, CancellationToken cancellationToken)
        {
            var searched = "CloudWatch Logs " + query.Location;
            return _resources is null
                ? SageMakerResourceResolver.NotFound(query.Resource, searched, Array.Empty<string>())
                : await _resources.NotFoundAsync(query.Resource, searched, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        }

        private static string Name(LogResourceQuery query) => query.Resource.Type == SageMakerResourceType.Custom ? query.Location.ToString() : query.Resource.ToString();

        private static string Sample(IReadOnlyList<LogStream> streams) =>
            string.Join(", ", streams.Take(10).Select(s => s.LogStreamName)) + (streams.Count > 10 ? $" and {streams.Count - 10} more" : "");

        private static string Format(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
    }
}
