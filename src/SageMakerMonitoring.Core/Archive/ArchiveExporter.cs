using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// Export-SageMakerMetric: copies CloudWatch datapoints into a partitioned archive, incrementally and safely.
    /// <list type="number">
    /// <item>Takes the destination's lock (waits up to the lock timeout).</item>
    /// <item>Reads the checkpoint; deletes the files of a commit a killed run left unfinished.</item>
    /// <item>Finds the series, plans windows from each series' checkpoint to now minus the settle delay at the finest
    /// period CloudWatch still keeps, and records a gap where finer data has expired.</item>
    /// <item>Per window: records the files it will write in the checkpoint, streams the datapoints into them, makes
    /// them durable and visible (rename / PutObject), and only then moves the checkpoint past the window.</item>
    /// </list>
    /// Killing the process at any moment leaves the last finished commit intact; the next run removes the unfinished
    /// one and rewrites it, so the archive ends up with every row exactly once.
    /// </summary>
    public sealed class ArchiveExporter
    {
        private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(15);
        private readonly ICloudWatchClient _cloudWatch;
        private readonly ISageMakerClient? _sageMaker;
        private readonly IArchiveDestination _destination;
        private readonly IOperationReporter _reporter;

        public ArchiveExporter(ICloudWatchClient cloudWatch, ISageMakerClient? sageMaker, IArchiveDestination destination, IOperationReporter? reporter = null)
        {
            _cloudWatch = cloudWatch;
            _sageMaker = sageMaker;
            _destination = destination;
            _reporter = reporter ?? NullOperationReporter.Instance;
        }

        public async Task<ArchiveExportSummary> ExportAsync(ArchiveExportOptions options, CancellationToken cancellationToken)
        {
            try
            {
                return await ExportUnguardedAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ArchiveErrors.IsFileSystemFailure(ex))
            {
                throw ArchiveErrors.Translate(ex, _destination.Location);
            }
        }

        /// <summary>
        /// What a run would do, for -WhatIf: the series, the span and the destination. Reads the checkpoint (when there
        /// is one) and lists the metrics; writes nothing, creates no folder and takes no lock.
        /// </summary>
        public async Task<ArchiveExportPreview> PreviewAsync(ArchiveExportOptions options, CancellationToken cancellationToken)
        {
            try
            {
                var now = UtcTime.ToUtc(options.Clock());
                var end = EndOf(options, now);
                var existing = await _destination.ReadCheckpointAsync(cancellationToken).ConfigureAwait(false);
                var checkpoint = existing is null ? new ArchiveCheckpoint { Format = options.Format } : ArchiveCheckpoint.Parse(existing, _destination.Location + ArchiveLayout.CheckpointName);
                var series = await FindSeriesAsync(options, checkpoint, now, cancellationToken).ConfigureAwait(false);
                var plan = ArchiveWindowPlanner.Plan(PlanInputs(series, options, end), now, end);
                var from = plan.Windows.Count == 0 ? (DateTime?)null : plan.Windows.Min(w => w.Members.Min(m => m.From));
                return new ArchiveExportPreview(_destination.Location, series.Select(s => s.State.ToString()).ToList(), from, series.Count == 0 ? (DateTime?)null : end,
                    plan.Windows.Count, checkpoint.Pending != null);
            }
            catch (Exception ex) when (ArchiveErrors.IsFileSystemFailure(ex))
            {
                throw ArchiveErrors.Translate(ex, _destination.Location);
            }
        }

        private async Task<ArchiveExportSummary> ExportUnguardedAsync(ArchiveExportOptions options, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var held = await _destination.AcquireLockAsync(options.LockTimeout, _reporter, cancellationToken).ConfigureAwait(false);
            try
            {
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost))
                {
                    try
                    {
                        return await ExportLockedAsync(options, held, watch, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (held.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        held.EnsureHeld();
                        throw;
                    }
                }
            }
            finally
            {
                await held.ReleaseAsync().ConfigureAwait(false);
                held.Dispose();
            }
        }

        private static DateTime EndOf(ArchiveExportOptions options, DateTime now)
        {
            var endLimit = options.EndTime is DateTime e ? UtcTime.ToUtc(e) : now - options.SettleDelay;
            if (endLimit > now) endLimit = now;
            return UtcTime.Floor(endLimit, TimeSpan.FromMinutes(1));
        }

        private static List<ArchivePlanSeries> PlanInputs(List<ArchiveSeries> series, ArchiveExportOptions options, DateTime end) =>
            series.Select(s => new ArchivePlanSeries(
                s.State.ExportedThrough ?? UtcTime.Floor(end - options.InitialLookBack, TimeSpan.FromSeconds(1)),
                s.State.ExportedThrough != null, s.State.Resolution, s.State.BackfillUntil)).ToList();

        private async Task<ArchiveExportSummary> ExportLockedAsync(ArchiveExportOptions options, IArchiveLock held, Stopwatch watch, CancellationToken token)
        {
            var now = UtcTime.ToUtc(options.Clock());
            var end = EndOf(options, now);

            var existing = await _destination.ReadCheckpointAsync(token).ConfigureAwait(false);
            var checkpoint = existing is null ? new ArchiveCheckpoint { Format = options.Format } : ArchiveCheckpoint.Parse(existing, _destination.Location + ArchiveLayout.CheckpointName);
            if (existing != null && checkpoint.Format != options.Format)
            {
                throw new MonitoringException("ArchiveFormatMismatch", ErrorKind.InvalidArgument,
                    $"The archive at {_destination.Location} holds {checkpoint.Format} files; this run asks for {options.Format}. One archive keeps one format.",
                    _destination.Location)
                {
                    RecommendedAction = $"Use -Format {checkpoint.Format}, or export to another folder or prefix.",
                };
            }
            var dirty = false;
            if (checkpoint.Pending is ArchivePendingBatch pending)
            {
                // Every path is checked before the first is deleted: one that leads outside the archive rejects them all.
                foreach (var file in pending.Files)
                {
                    if (!_destination.IsInside(file))
                    {
                        throw ArchiveErrors.CheckpointInvalid(_destination.Location + ArchiveLayout.CheckpointName,
                            $"its pending file '{file}' leads outside the archive (through a symbolic link or junction)");
                    }
                }
                _reporter.Verbose($"A previous run stopped during commit {pending.Sequence}; removing its {pending.Files.Count} unfinished files.");
                foreach (var file in pending.Files) await _destination.DeleteFileAsync(file, token).ConfigureAwait(false);
                checkpoint.Pending = null;
                dirty = true;
            }

            var series = await FindSeriesAsync(options, checkpoint, now, token).ConfigureAwait(false);
            series = AssignFolders(series, options);
            var plan = ArchiveWindowPlanner.Plan(PlanInputs(series, options, end), now, end);
            foreach (var s in series)
            {
                if (s.State.ExportedThrough is null && s.State.BackfillUntil is null) s.State.BackfillUntil = plan.HighResolutionFrom;
                if (!checkpoint.Series.ContainsKey(s.State.Key))
                {
                    checkpoint.Series[s.State.Key] = s.State;
                    dirty = true;
                }
            }

            var runGaps = new List<ArchiveGap>();
            foreach (var (index, start, stop) in plan.Lost)
            {
                var state = series[index].State;
                if (state.ExportedThrough is null) continue; // a first look-back that reaches too far back is no loss
                var gap = Gap(state, start, stop, null, now);
                AddGap(checkpoint.Gaps, gap);
                AddGap(runGaps, Gap(state, start, stop, null, now));
            }

            long datapoints = 0, bytes = 0;
            int files = 0, requests = 0, commits = 0;
            DateTime? exportedFrom = null;
            for (var w = 0; w < plan.Windows.Count; w++)
            {
                var window = plan.Windows[w];
                _reporter.Progress(new ProgressInfo("Exporting SageMaker metrics", $"{window.Start:yyyy-MM-dd HH:mm}Z to {window.End:yyyy-MM-dd HH:mm}Z at {RetentionLadder.Describe(window.Period)}, {window.Members.Count} series",
                    plan.PercentDoneBefore(w)));
                var result = await CommitWindowAsync(window, series, checkpoint, options, held, now, runGaps, token).ConfigureAwait(false);
                datapoints += result.Datapoints;
                bytes += result.Bytes;
                files += result.Files;
                requests += result.Requests;
                commits++;
                var first = window.Members.Min(m => m.From);
                if (exportedFrom is null || first < exportedFrom) exportedFrom = first;
                dirty = false;
            }
            if (dirty)
            {
                checkpoint.Updated = now;
                held.EnsureHeld();
                await _destination.WriteCheckpointAsync(checkpoint.Serialize(), token).ConfigureAwait(false);
            }
            _reporter.Progress(new ProgressInfo("Exporting SageMaker metrics", "Done", 100, Completed: true));

            foreach (var warning in DescribeGaps(runGaps)) _reporter.Warning(warning);
            return new ArchiveExportSummary(_destination.Location, options.Format, series.Count, datapoints, files, bytes, runGaps, exportedFrom,
                series.Count == 0 ? (DateTime?)null : end, commits, requests, watch.Elapsed);
        }

        private async Task<List<ArchiveSeries>> FindSeriesAsync(ArchiveExportOptions options, ArchiveCheckpoint checkpoint, DateTime now, CancellationToken token)
        {
            var infos = await new ArchiveSeriesDiscovery(_cloudWatch, _sageMaker, _reporter).FindAsync(options, token).ConfigureAwait(false);
            var statistics = options.Statistics?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(MetricStatistic.Normalize).Distinct(StringComparer.Ordinal).ToList();
            if (statistics != null && statistics.Count == 0) statistics = null;
            var byKey = new Dictionary<string, ArchiveSeries>(StringComparer.Ordinal);
            // New series go under region=… when this call archives several Regions or the archive already does.
            var regional = options.Region != null && (options.RegionPartition || checkpoint.Series.Values.Any(s => s.IsRegional));
            foreach (var info in infos)
            {
                foreach (var statistic in statistics ?? new List<string> { info.Definition?.DefaultStatistic ?? "Average" })
                {
                    var baseKey = ArchiveSeriesState.KeyOf(info.Namespace, info.MetricName, info.Identity.Dimensions, statistic);
                    var state = KnownState(checkpoint, baseKey, options.Region)
                        // A series the archive already holds for another Region: this Region's goes under region=… beside it.
                        ?? new ArchiveSeriesState(info.Namespace, info.MetricName, info.Identity.Dimensions, statistic, info.ResourceKind, info.ResourceName, info.Host, info.VariantName,
                            regional || options.Region != null && checkpoint.Series.ContainsKey(baseKey) ? options.Region : null) { Region = options.Region };
                    if (byKey.ContainsKey(state.Key)) continue;
                    state.Region ??= options.Region;
                    byKey[state.Key] = new ArchiveSeries(info, statistic, state);
                }
            }

            // Series the checkpoint knows that ListMetrics no longer lists (it forgets metrics after two weeks): keep
            // reading them while they may still have data.
            foreach (var state in checkpoint.Series.Values)
            {
                if (byKey.ContainsKey(state.Key) || !Selected(options, state, statistics)) continue;
                // Another Region's series is that Region's to continue.
                if (options.Region != null && state.Region != null && state.Region != options.Region) continue;
                var seen = state.LastDatapoint ?? state.ExportedThrough;
                if (seen is null || now - seen.Value > ForgetAfter) continue;
                var info = new MetricInfo(state.Identity, state.ResourceType, state.ResourceName, state.Host, state.VariantName,
                    MetricCatalog.Find(state.ResourceType, state.Namespace, state.MetricName) ?? MetricCatalog.FindInNamespace(state.Namespace, state.MetricName));
                state.Region ??= options.Region;
                byKey[state.Key] = new ArchiveSeries(info, state.Statistic, state);
            }
            var list = byKey.Values.OrderBy(s => s.State.Key, StringComparer.Ordinal).ToList();
            _reporter.Verbose($"{list.Count} series to export to {_destination.Location}.");
            return list;
        }

        /// <summary>
        /// The checkpoint's state of a series read in <paramref name="region"/>: the Region's own (under region=…), else
        /// one from before Regions were recorded that no other Region has continued (it continues in place, now this
        /// Region's); null for a series new to the archive.
        /// </summary>
        private static ArchiveSeriesState? KnownState(ArchiveCheckpoint checkpoint, string baseKey, string? region)
        {
            if (region != null && checkpoint.Series.TryGetValue(baseKey + ArchiveSeriesState.RegionKey(region), out var regional)) return regional;
            if (checkpoint.Series.TryGetValue(baseKey, out var known) && (region is null || known.Region is null || known.Region == region)) return known;
            return null;
        }

        /// <summary>
        /// Gives each series its folder: the one the checkpoint names; for a series an older checkpoint knows without
        /// one, the folder that module version used (so its archive continues where it is); for a new series, the
        /// bounded layout. A series whose folder this destination cannot hold is skipped with a warning under -All
        /// (one odd metric must not stop a region's archive) and is an error when named.
        /// </summary>
        private List<ArchiveSeries> AssignFolders(List<ArchiveSeries> series, ArchiveExportOptions options)
        {
            var kept = new List<ArchiveSeries>(series.Count);
            foreach (var s in series)
            {
                var state = s.State;
                var folder = state.Folder
                    ?? (state.ExportedThrough != null ? ArchiveLayout.LegacySeriesFolder(state.Namespace, state.ResourceName)
                        : state.IsRegional ? ArchiveLayout.SeriesFolder(state.Region!, state.Namespace, state.ResourceName)
                        : ArchiveLayout.SeriesFolder(state.Namespace, state.ResourceName));
                var why = ArchiveLayout.IsSeriesFolder(folder) ? _destination.CannotHold(folder) : "its folder name is not one the archive can hold";
                if (why != null)
                {
                    if (!options.All)
                    {
                        throw new MonitoringException("ArchivePathTooLong", ErrorKind.InvalidArgument, $"{state} cannot be archived at {_destination.Location}: {why}.", state.ResourceName)
                        {
                            RecommendedAction = "Use an archive folder or prefix with a shorter path.",
                        };
                    }
                    _reporter.Warning($"Skipped {state} ({state.Namespace}): {why}. The other series are archived.");
                    continue;
                }
                state.Folder = folder;
                kept.Add(s);
            }
            return kept;
        }

        private static bool Selected(ArchiveExportOptions options, ArchiveSeriesState state, List<string>? statistics)
        {
            if (statistics != null && !statistics.Contains(state.Statistic)) return false;
            if (options.MetricNames is { Count: > 0 } names && !names.Contains(state.MetricName, StringComparer.OrdinalIgnoreCase)) return false;
            if (options.All) return true;
            foreach (var s in options.Selections)
            {
                if (s.ResourceType == SageMakerResourceType.Custom)
                {
                    if (s.Namespace == state.Namespace && s.Dimensions.All(d => state.Dimensions.Any(x => x.Name == d.Name && x.Value == d.Value))) return true;
                }
                else if (s.ResourceType == state.ResourceType && s.ResourceName == state.ResourceName && (s.VariantName is null || s.VariantName == state.VariantName))
                {
                    return true;
                }
            }
            return false;
        }

        private async Task<WindowResult> CommitWindowAsync(ArchiveWindow window, List<ArchiveSeries> series, ArchiveCheckpoint checkpoint, ArchiveExportOptions options,
            IArchiveLock held, DateTime now, List<ArchiveGap> runGaps, CancellationToken token)
        {
            var sequence = checkpoint.Sequence + 1;
            var day = window.Start.Date;

            // The files this commit may write, named from the partition, the first timestamp and the commit number.
            var partitions = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            foreach (var m in window.Members)
            {
                var key = series[m.Series].State.Folder!;
                if (!partitions.TryGetValue(key, out var first) || m.From < first) partitions[key] = m.From;
            }
            var paths = partitions.ToDictionary(p => p.Key,
                p => ArchiveLayout.DayPath(p.Key, day) + "/" + ArchiveLayout.FileName(p.Value, sequence, options.Format), StringComparer.Ordinal);
            checkpoint.Pending = new ArchivePendingBatch(sequence, paths.Values.OrderBy(p => p, StringComparer.Ordinal).ToList());
            held.EnsureHeld();
            await _destination.WriteCheckpointAsync(checkpoint.Serialize(), token).ConfigureAwait(false);

            // A standard-resolution series cannot be read at 1 second (CloudWatch answers InvalidParameterValue
            // naming it): it is read at 1 minute from then on, and the window is read again from the start.
            ReadOutcome outcome;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    outcome = await ReadWindowAsync(window, series, paths, options, token).ConfigureAwait(false);
                    break;
                }
                catch (StandardResolutionException standard) when (attempt < window.Members.Count)
                {
                    standard.Series.State.Resolution = 60;
                    _reporter.Verbose($"{standard.Series.State} is stored at standard resolution; reading it at 1 minute.");
                }
            }
            var members = outcome.Members;
            var detector = outcome.Detector;
            long points = outcome.Datapoints, bytes = outcome.Bytes;
            var writers = outcome.Files;
            var reader = outcome.Reader;

            foreach (var p in members.Values)
            {
                var state = p.Series.State;
                state.ExportedThrough = window.End;
                if (p.Count > 0)
                {
                    state.Period = p.Descriptor.Period;
                    state.LastDatapoint = p.Last;
                }
                if (window.Period < 60 && detector.Knows(p.Descriptor)) state.Resolution = p.Descriptor.Period >= 60 ? 60 : 1;
                if (p.Member.GapFrom is DateTime gapFrom)
                {
                    AddGap(checkpoint.Gaps, Gap(state, gapFrom, window.End, window.Period, now));
                    AddGap(runGaps, Gap(state, gapFrom, window.End, window.Period, now));
                }
            }
            checkpoint.Sequence = sequence;
            checkpoint.Pending = null;
            checkpoint.Updated = now;
            held.EnsureHeld();
            await _destination.WriteCheckpointAsync(checkpoint.Serialize(), token).ConfigureAwait(false);
            _reporter.Verbose($"Commit {sequence}: {window}, {points} datapoints in {writers} files ({bytes} bytes), {reader.RequestsSent} GetMetricData requests.");
            return new WindowResult(points, bytes, writers, reader.RequestsSent);
        }

        /// <summary>Reads a window into its files and publishes them (durable and visible); the checkpoint is not touched.</summary>
        private async Task<ReadOutcome> ReadWindowAsync(ArchiveWindow window, List<ArchiveSeries> series, Dictionary<string, string> paths,
            ArchiveExportOptions options, CancellationToken token)
        {
            var members = new Dictionary<MetricSeriesDescriptor, MemberProgress>();
            foreach (var m in window.Members)
            {
                var s = series[m.Series];
                var standard = window.Period < 60 && s.State.Resolution >= 60;
                var period = standard ? 60 : window.Period;
                var from = standard ? ArchiveWindowPlanner.Ceiling(m.From, 60) : m.From;
                if (from >= window.End) from = window.End;
                var descriptor = new MetricSeriesDescriptor(s.Info, s.Statistic, period);
                members[descriptor] = new MemberProgress(descriptor, s, m, from, s.State.Folder!);
            }

            var writers = new Dictionary<string, (IArchiveFile File, ArchiveRowWriter Rows)>(StringComparer.Ordinal);
            var reader = new MetricDataReader(_cloudWatch, _reporter, options.ReadOptions);
            var gate = new AscendingDatapointGate();
            var detector = new StorageResolutionDetector();
            long points = 0, bytes = 0;
            try
            {
                MemberProgress? current = null;
                foreach (var group in members.Values.Where(p => p.From < window.End).GroupBy(p => p.From).OrderBy(g => g.Key))
                {
                    var descriptors = group.Select(p => p.Descriptor).ToList();
                    Func<MetricSeriesDescriptor, int>? density = window.Period < 60 ? d => Math.Max(d.QueryPeriod, members[d].Series.State.Resolution) : (Func<MetricSeriesDescriptor, int>?)null;
                    var callPlan = MetricQueryPlanner.Plan(descriptors, group.Key, window.End, density);
                    foreach (var call in callPlan.Calls)
                    {
                        try
                        {
                            await foreach (var point in reader.ReadAsync(call, gate.Accept, window.Period < 60 ? detector.Observe : null, token).ConfigureAwait(false))
                            {
                                if (current is null || !ReferenceEquals(current.Descriptor, point.Series)) current = members[point.Series];
                                if (point.UtcTimestamp < current.From) continue;
                                if (!writers.TryGetValue(current.Partition, out var writer))
                                {
                                    var file = _destination.CreateFile(paths[current.Partition]);
                                    writer = (file, ArchiveRowWriter.Create(options.Format, file.Content));
                                    writers[current.Partition] = writer;
                                }
                                writer.Rows.Write(point.Series, point.UtcTimestamp, point.Value);
                                current.Count++;
                                current.Last = point.UtcTimestamp;
                                points++;
                            }
                        }
                        catch (AwsServiceException ex) when (StandardResolutionMember(ex, call) is MetricSeriesDescriptor d && d.QueryPeriod < 60)
                        {
                            throw new StandardResolutionException(members[d].Series, ex);
                        }
                    }
                }

                foreach (var writer in writers.Values)
                {
                    writer.Rows.Finish();
                    bytes += await writer.File.PublishAsync(token).ConfigureAwait(false);
                }
            }
            finally
            {
                foreach (var writer in writers.Values)
                {
                    try
                    {
                        writer.Rows.Dispose();
                    }
                    finally
                    {
                        writer.File.Dispose();
                    }
                }
            }
            return new ReadOutcome(members, detector, points, bytes, writers.Count, reader);
        }

        /// <summary>The series an InvalidParameterValue about a sub-minute period of a standard-resolution metric names ("MetricDataQueries.member.N.").</summary>
        private static MetricSeriesDescriptor? StandardResolutionMember(AwsServiceException ex, MetricDataCall call)
        {
            var member = ex.RefusedResolutionMember;
            return member is int n && n <= call.Series.Count ? call.Series[n - 1] : null;
        }

        private static ArchiveGap Gap(ArchiveSeriesState state, DateTime start, DateTime end, int? exportedPeriod, DateTime now) =>
            new ArchiveGap(state.Key, state.ResourceType, state.ResourceName, state.Host, state.VariantName, state.MetricName, state.Statistic, start, end,
                state.Resolution, exportedPeriod, now);

        /// <summary>Adds a gap, extending the series' previous one when they touch (a gap found over several commits or runs is one).</summary>
        internal static void AddGap(List<ArchiveGap> gaps, ArchiveGap gap)
        {
            for (var i = gaps.Count - 1; i >= 0; i--)
            {
                var g = gaps[i];
                if (g.SeriesKey == gap.SeriesKey && g.LostPeriod == gap.LostPeriod && g.ExportedPeriod == gap.ExportedPeriod && g.UtcEnd >= gap.UtcStart && g.UtcStart <= gap.UtcEnd)
                {
                    if (gap.UtcStart < g.UtcStart) g.UtcStart = gap.UtcStart;
                    if (gap.UtcEnd > g.UtcEnd) g.UtcEnd = gap.UtcEnd;
                    return;
                }
            }
            gaps.Add(gap);
        }

        /// <summary>One warning per resource and span: which series lost which span at which resolution.</summary>
        internal static IEnumerable<string> DescribeGaps(IEnumerable<ArchiveGap> gaps)
        {
            foreach (var group in gaps.GroupBy(g => (g.ResourceType, g.ResourceName, g.Start, g.End, g.LostPeriod, g.ExportedPeriod)))
            {
                var (type, name, start, end, lost, exported) = group.Key;
                var names = group.Select(g => g.MetricName + (g.Host != null ? "@" + g.Host : g.VariantName != null ? "@" + g.VariantName : "") + (g.Statistic == "Average" ? "" : " " + g.Statistic)).ToList();
                var listed = names.Count <= 12 ? string.Join(", ", names) : string.Join(", ", names.Take(12)) + $" and {names.Count - 12} more";
                yield return $"{type} '{name}': {names.Count} series lost their {RetentionLadder.Describe(lost)} data from {start:yyyy-MM-ddTHH:mm:ssZ} to {end:yyyy-MM-ddTHH:mm:ssZ} "
                    + "because CloudWatch no longer kept it when this export ran; "
                    + (exported is int p ? $"that span is archived at {RetentionLadder.Describe(p)} instead" : "nothing of that span is left to archive")
                    + $" ({listed}). Export more often than every {Describe(RetentionLadder.HighResolution.RetainedFor)} minus the settle delay to keep 1-second data.";
            }
        }

        private static string Describe(TimeSpan span) => span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0} hours" : span.ToString();

        private sealed class ArchiveSeries
        {
            public ArchiveSeries(MetricInfo info, string statistic, ArchiveSeriesState state)
            {
                Info = info;
                Statistic = statistic;
                State = state;
            }

            public MetricInfo Info { get; }
            public string Statistic { get; }
            public ArchiveSeriesState State { get; }
        }

        private sealed class MemberProgress
        {
            public MemberProgress(MetricSeriesDescriptor descriptor, ArchiveSeries series, ArchiveWindowMember member, DateTime from, string partition)
            {
                Descriptor = descriptor;
                Series = series;
                Member = member;
                From = from;
                Partition = partition;
            }

            /// <summary>Where reading starts (the member's start, on a minute for a standard-resolution series).</summary>
            public DateTime From { get; }

            public MetricSeriesDescriptor Descriptor { get; }
            public ArchiveSeries Series { get; }
            public ArchiveWindowMember Member { get; }
            /// <summary>The series folder (namespace=…/resource=…).</summary>
            public string Partition { get; }
            public long Count { get; set; }
            public DateTime Last { get; set; }
        }

        private sealed class StandardResolutionException : Exception
        {
            public StandardResolutionException(ArchiveSeries series, Exception inner) : base(inner.Message, inner) => Series = series;

            public ArchiveSeries Series { get; }
        }

        private sealed class ReadOutcome
        {
            public ReadOutcome(Dictionary<MetricSeriesDescriptor, MemberProgress> members, StorageResolutionDetector detector, long datapoints, long bytes, int files,
                MetricDataReader reader)
            {
                Members = members;
                Detector = detector;
                Datapoints = datapoints;
                Bytes = bytes;
                Files = files;
                Reader = reader;
            }

            public Dictionary<MetricSeriesDescriptor, MemberProgress> Members { get; }
            public StorageResolutionDetector Detector { get; }
            public long Datapoints { get; }
            public long Bytes { get; }
            public int Files { get; }
            public MetricDataReader Reader { get; }
        }

        private readonly struct WindowResult
        {
            public WindowResult(long datapoints, long bytes, int files, int requests)
            {
                Datapoints = datapoints;
                Bytes = bytes;
                Files = files;
                Requests = requests;
            }

            public long Datapoints { get; }
            public long Bytes { get; }
            public int Files { get; }
            public int Requests { get; }
        }
    }
}
