using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
    /// Get-SageMakerLogStream and Get-SageMakerLogEvent in one place: resolves the resource (SageMaker's Describe when
    /// its lifetime decides the range or its status ends a follow), the range (<see cref="TimeRangeResolver"/>), and
    /// streams what CloudWatch Logs holds. When nothing comes back, <see cref="LogResourceCheck"/> decides between
    /// not found (an error) and "exists, but not in this range" (a warning saying where the data is).
    /// </summary>
    public sealed class LogReadService
    {
        private readonly ICloudWatchLogsClient _logs;
        private readonly SageMakerResourceResolver? _resources;
        private readonly IOperationReporter _reporter;
        private readonly Func<DateTime> _clock;
        private readonly LogResourceCheck _check;

        public LogReadService(ICloudWatchLogsClient logs, ISageMakerClient? sageMaker, IOperationReporter? reporter = null, Func<DateTime>? clock = null)
        {
            _logs = logs ?? throw new ArgumentNullException(nameof(logs));
            _resources = sageMaker is null ? null : new SageMakerResourceResolver(sageMaker);
            _reporter = reporter ?? NullOperationReporter.Instance;
            _clock = clock ?? (() => DateTime.UtcNow);
            _check = new LogResourceCheck(logs, _resources, _reporter, _clock);
        }

        /// <summary>Events the last <see cref="GetEventsAsync"/> wrote.</summary>
        public long EventsRead { get; private set; }

        /// <summary>The streams of the resource that the selector keeps, newest first.</summary>
        public async IAsyncEnumerable<LogStream> GetStreamsAsync(LogStreamQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query is null) throw new ArgumentNullException(nameof(query));
            var lister = new LogStreamLister(_logs, _reporter);
            var streams = await lister.ListAsync(query.Location, query.Selector, query.Resource.Type != SageMakerResourceType.Custom, cancellationToken).ConfigureAwait(false);
            if (streams.Count == 0)
            {
                await _check.ExplainEmptyAsync(query, null, null, cancellationToken).ConfigureAwait(false);
                yield break;
            }
            foreach (var stream in LogStreamLister.NewestFirst(streams)) yield return stream;
        }

        /// <summary>The events of the query, every stream merged in time order, in arrays (pages); when following, each
        /// new event as it arrives.</summary>
        public async IAsyncEnumerable<LogEvent[]> GetEventsAsync(LogEventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query is null) throw new ArgumentNullException(nameof(query));
            EventsRead = 0;
            var resource = query.Resource;
            // The resource is described only when its lifetime decides the range or its status ends a follow; an
            // explicit range reads the logs alone (and asks SageMaker only if they hold nothing).
            var description = await _check.DescribeIfNeededAsync(query, query.Follow || (query.StartTime is null && query.Since is null), cancellationToken).ConfigureAwait(false);

            var range = TimeRangeResolver.Resolve(new TimeRangeRequest
            {
                Service = TimeRangeService.Logs,
                StartTime = query.StartTime,
                EndTime = query.EndTime,
                Since = query.Since,
                Follow = query.Follow,
                ResourceSpan = description?.TimeSpan,
            }, _clock());
            foreach (var clip in range.Clips) _reporter.Warning(clip);
            _reporter.Verbose($"{resource}: reading {query.Location}, {query.Selector}, {range}.");

            var request = new LogReadRequest(query.Location)
            {
                Selector = query.Selector,
                StartTime = range.Start,
                EndTime = range.End,
                FilterPattern = query.FilterPattern,
                MissingGroupIsEmpty = resource.Type != SageMakerResourceType.Custom,
            };
            if (query.Follow)
            {
                Func<CancellationToken, Task<bool>>? probe = null;
                if (description?.Job != null)
                {
                    probe = description.IsTerminal ? (_ => Task.FromResult(true)) : _resources!.TerminalProbe(resource);
                }
                var follower = new LogFollower(_logs, _reporter) { PollInterval = query.PollInterval };
                await foreach (var e in follower.FollowAsync(request, probe, cancellationToken).ConfigureAwait(false))
                {
                    EventsRead++;
                    yield return new[] { e };
                }
                yield break;
            }

            var reader = new LogEventReader(_logs, _reporter);
            await foreach (var page in reader.ReadPagesAsync(request, cancellationToken).ConfigureAwait(false))
            {
                EventsRead += page.Length;
                yield return page;
            }
            _reporter.Verbose($"{EventsRead:N0} event(s) from {reader.LastPagesRead:N0} FilterLogEvents page(s) ({reader.LastEmptyPagesWithToken:N0} empty page(s) that carried a token).");
            if (EventsRead == 0) await _check.ExplainEmptyAsync(query, range, query.FilterPattern, cancellationToken).ConfigureAwait(false);
        }
    }
}
