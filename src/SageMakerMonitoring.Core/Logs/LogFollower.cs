using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Follows a location live: reads everything from the start, then polls again and again from a little before the
    /// newest event seen (the overlap catches events ingested late), emitting each event exactly once by its event id.
    /// With a finished-probe (a job's status) it stops by itself once the probe says finished and a poll after that
    /// brought nothing new. Cancellation ends it at once, whether waiting or reading.
    /// </summary>
    public sealed class LogFollower
    {
        private readonly LogEventReader _reader;
        private readonly IOperationReporter _reporter;

        public LogFollower(ICloudWatchLogsClient client, IOperationReporter? reporter = null)
        {
            _reporter = reporter ?? NullOperationReporter.Instance;
            _reader = new LogEventReader(client, _reporter);
        }

        /// <summary>Time between polls.</summary>
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
        /// <summary>How far before the newest event seen each poll starts again (late ingestion tolerance).</summary>
        public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(1);

        /// <param name="request">What to follow; its <see cref="LogReadRequest.EndTime"/> is ignored.</param>
        /// <param name="isFinished">Asked after each poll; true ends the follow after the events still coming in are drained. Null: follow until cancelled.</param>
        public async IAsyncEnumerable<LogEvent> FollowAsync(LogReadRequest request, Func<CancellationToken, Task<bool>>? isFinished, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var seen = new LogEventDedupeWindow();
            DateTime? newest = null;
            var finished = false;
            var polls = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = newest is DateTime n ? Max(n - Overlap, request.StartTime) : request.StartTime;
                var poll = new LogReadRequest(request.Location)
                {
                    Selector = request.Selector,
                    StartTime = from,
                    EndTime = null,
                    FilterPattern = request.FilterPattern,
                    PageSize = request.PageSize,
                    MissingGroupIsEmpty = true,
                };
                var fresh = 0;
                await foreach (var e in _reader.ReadAsync(poll, cancellationToken).ConfigureAwait(false))
                {
                    if (!seen.Add(e)) continue;
                    fresh++;
                    if (newest is null || e.UtcTimestamp > newest.Value) newest = e.UtcTimestamp;
                    if ((fresh & 0x3FFF) == 0) seen.Prune(newest.Value - Overlap);
                    yield return e;
                }
                polls++;
                if (newest is DateTime latest) seen.Prune(latest - Overlap);
                if (polls == 1 && _reader.LastGroupMissing)
                    _reporter.Warning($"The log group '{request.Location.LogGroupName}' does not exist yet; waiting for the first events.");

                if (finished && fresh == 0)
                {
                    _reporter.Verbose($"Follow ended: the resource has finished and its last events are drained ({polls} polls).");
                    yield break;
                }
                if (!finished && isFinished != null && await isFinished(cancellationToken).ConfigureAwait(false))
                {
                    finished = true;
                    _reporter.Verbose("The resource has finished; reading its last events.");
                }
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        private static DateTime? Max(DateTime a, DateTime? b) => b is DateTime x && x > a ? x : a;
    }
}
