using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Debugger
{
    /// <summary>
    /// Get-SageMakerMetric's -Source: reads a query from CloudWatch (<see cref="MetricQueryService"/>) or from the
    /// training job's Debugger system files, and decides Auto: Debugger when the job has system data and the range
    /// asks for a finer period than CloudWatch still keeps for its start (older than 3 hours: CloudWatch has 1 minute
    /// at best, Debugger its 100 ms – 1 min interval); otherwise CloudWatch.
    /// </summary>
    public sealed class TrainingJobMetricReader
    {
        private readonly ICloudWatchClient _cloudWatch;
        private readonly ISageMakerClient _sageMaker;
        private readonly IObjectStoreClient _s3;
        private readonly IOperationReporter _reporter;
        private readonly Func<DateTime> _clock;

        public TrainingJobMetricReader(ICloudWatchClient cloudWatch, ISageMakerClient sageMaker, IObjectStoreClient s3, IOperationReporter? reporter = null,
            Func<DateTime>? clock = null)
        {
            _cloudWatch = cloudWatch;
            _sageMaker = sageMaker;
            _s3 = s3;
            _reporter = reporter ?? NullOperationReporter.Instance;
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        /// <summary>The source the last read used.</summary>
        public MetricSource UsedSource { get; private set; } = MetricSource.CloudWatch;

        /// <summary>The CloudWatch service the last read used, when it used CloudWatch.</summary>
        public MetricQueryService? CloudWatchService { get; private set; }

        public async IAsyncEnumerable<MetricDatapoint[]> GetPagesAsync(MetricQuery query, MetricSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var plan = await PlanAsync(query, source, cancellationToken).ConfigureAwait(false);
            if (plan.Location is null)
            {
                UsedSource = MetricSource.CloudWatch;
                CloudWatchService = new MetricQueryService(_cloudWatch, _sageMaker, _reporter, _clock);
                await foreach (var page in CloudWatchService.GetPagesAsync(query, cancellationToken).ConfigureAwait(false)) yield return page;
                yield break;
            }
            UsedSource = MetricSource.Debugger;
            var reader = new DebuggerSystemReader(_s3, _reporter);
            long written = 0;
            await foreach (var page in reader.ReadAsync(plan.Location, plan.Range.Start, plan.Range.End, query.MetricNames, cancellationToken).ConfigureAwait(false))
            {
                written += page.Length;
                yield return page;
            }
            if (written == 0)
            {
                _reporter.Warning($"No Debugger system data for training job '{query.Selection.ResourceName}' between {plan.Range.Start:yyyy-MM-ddTHH:mm:ssZ} and {plan.Range.End:yyyy-MM-ddTHH:mm:ssZ} under {plan.Location.Uri}.");
            }
        }

        /// <summary>Decides the source and the range. Location null: read CloudWatch.</summary>
        public async Task<(DebuggerSystemLocation? Location, TimeRange Range)> PlanAsync(MetricQuery query, MetricSource source, CancellationToken cancellationToken)
        {
            var selection = query.Selection;
            if (source == MetricSource.CloudWatch) return (null, default);
            if (selection.ResourceType != SageMakerResourceType.TrainingJob)
            {
                if (source == MetricSource.Auto) return (null, default);
                throw new MonitoringException("DebuggerSourceNotSupported", ErrorKind.InvalidArgument,
                    $"-Source Debugger reads training jobs' Debugger system data; {selection} has none.", selection.ResourceName)
                {
                    RecommendedAction = "Use -Source CloudWatch (or Auto) for processing and transform jobs, endpoints and namespaces.",
                };
            }
            var description = await new SageMakerResourceResolver(_sageMaker)
                .DescribeAsync(SageMakerResource.Create(SageMakerResourceType.TrainingJob, selection.ResourceName), cancellationToken).ConfigureAwait(false);
            var job = description.Job!;
            if (string.IsNullOrEmpty(job.Name)) job.Name = selection.ResourceName;
            var now = UtcTime.ToUtc(_clock());
            var resolved = TimeRangeResolver.Resolve(TimeRangeRequest.ForMetrics(query.StartTime, query.EndTime, query.Since, description.TimeSpan), now);
            var range = resolved.ToRange(now); // its clips are warned by whichever source reads it
            var location = DebuggerSystemLocation.For(job, out var whyNot);
            if (location is null)
            {
                if (source == MetricSource.Debugger)
                {
                    throw new MonitoringException("DebuggerDataNotAvailable", ErrorKind.ObjectNotFound, $"No Debugger system data to read: {whyNot}.", selection.ResourceName)
                    {
                        RecommendedAction = "Use -Source CloudWatch (or Auto), or enable system monitoring (ProfilerConfig) on future jobs.",
                    };
                }
                _reporter.Verbose($"Reading CloudWatch: {whyNot}.");
                return (null, range);
            }
            if (source == MetricSource.Auto)
            {
                var tier = RetentionLadder.TierFor(range.Start, now);
                var finest = tier?.FinestPeriodSeconds ?? int.MaxValue;
                var asked = query.Period ?? 1;
                if (asked >= finest && tier != null)
                {
                    _reporter.Verbose($"Reading CloudWatch: it still keeps {RetentionLadder.Describe(finest)} data from {range.Start:yyyy-MM-ddTHH:mm:ssZ}.");
                    return (null, range);
                }
                _reporter.Verbose($"Reading Debugger system data ({location.IntervalMilliseconds} ms) under {location.Uri}: CloudWatch keeps "
                    + (tier is null ? "nothing" : RetentionLadder.Describe(finest) + " data at best") + $" from {range.Start:yyyy-MM-ddTHH:mm:ssZ}.");
            }
            foreach (var clip in resolved.Clips) _reporter.Warning(clip);
            if (query.Period != null) _reporter.Warning($"Debugger data comes at the job's own {location.IntervalMilliseconds} ms interval; -Period applies to CloudWatch only.");
            if (query.Statistics is { Count: > 0 }) _reporter.Warning("Debugger data are single samples; -Statistic applies to CloudWatch only.");
            return (location, range);
        }
    }
}
