using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Debugger;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Metrics;
using SageMakerMonitoring.Core.Resources;
using SageMakerMonitoring.Core.Time;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// The front door of utilization statistics, findings and the report: describes the job or endpoint, picks the
    /// source, streams its datapoints through a <see cref="UtilizationAnalyzer"/> (never holding Debugger data
    /// beyond a file) and returns statistics, chart series and findings.
    /// </summary>
    public sealed class UtilizationService
    {
        private static readonly string[] JobMetrics = { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" };
        private readonly ICloudWatchClient _cloudWatch;
        private readonly ISageMakerClient _sageMaker;
        private readonly IObjectStoreClient? _s3;
        private readonly IOperationReporter _reporter;
        private readonly Func<DateTime> _clock;

        public UtilizationService(ICloudWatchClient cloudWatch, ISageMakerClient sageMaker, IObjectStoreClient? s3, IOperationReporter? reporter = null, Func<DateTime>? clock = null)
        {
            _cloudWatch = cloudWatch;
            _sageMaker = sageMaker;
            _s3 = s3;
            _reporter = reporter ?? NullOperationReporter.Instance;
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        public Task<UtilizationAnalysis> AnalyzeAsync(UtilizationRequest request, IReadOnlyCollection<string> rules, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(request.TrainingJobName)) return AnalyzeTrainingJobAsync(request, rules, cancellationToken);
            if (!string.IsNullOrEmpty(request.EndpointName)) return AnalyzeEndpointAsync(request, rules, cancellationToken);
            throw new ArgumentException("Name a training job or an endpoint.", nameof(request));
        }

        private async Task<UtilizationAnalysis> AnalyzeTrainingJobAsync(UtilizationRequest request, IReadOnlyCollection<string> rules, CancellationToken cancellationToken)
        {
            var name = request.TrainingJobName!;
            var description = await new SageMakerResourceResolver(_sageMaker)
                .DescribeAsync(SageMakerResource.Create(SageMakerResourceType.TrainingJob, name), cancellationToken).ConfigureAwait(false);
            var job = description.Job!;
            if (string.IsNullOrEmpty(job.Name)) job.Name = name;
            var range = ResolveRange(request, UtilizationSpan(description));
            var instanceOf = HostInstances(description);
            var location = request.Source == MetricSource.CloudWatch ? null : DebuggerSystemLocation.For(job, out var whyNot);
            if (request.Source == MetricSource.Debugger && location is null)
            {
                DebuggerSystemLocation.For(job, out whyNot);
                throw new MonitoringException("DebuggerDataNotAvailable", ErrorKind.ObjectNotFound, $"No Debugger system data to read: {whyNot}.", name)
                {
                    RecommendedAction = "Use -Source CloudWatch (or Auto).",
                };
            }

            var analysis = new UtilizationAnalysis { ResourceType = "TrainingJob", ResourceName = name, Job = job, Start = range.Start, End = range.End, InstanceType = job.InstanceType };
            UtilizationAnalyzer? analyzer = null;
            if (location != null)
            {
                if (_s3 is null) throw new InvalidOperationException("No S3 client.");
                analyzer = new UtilizationAnalyzer(new FindingContext { ResourceName = name, Source = "Debugger", PerDevice = true }, instanceOf, request.Parameters, range.Start, range.End);
                var reader = new DebuggerSystemReader(_s3, _reporter);
                try
                {
                    await foreach (var page in reader.ReadAsync(location, range.Start, range.End, null, cancellationToken).ConfigureAwait(false)) analyzer.AddDebugger(page);
                }
                catch (AwsServiceException ex) when (request.Source == MetricSource.Auto && (ex.IsNotFound || ex.IsAccessDenied))
                {
                    // Auto: the profiler output may be gone or out of reach; CloudWatch still answers.
                    _reporter.Warning($"Could not read Debugger system data under {location.Uri} ({ex.ErrorCode}: {ex.Message}); reading CloudWatch instead.");
                    analyzer = new UtilizationAnalyzer(new FindingContext { ResourceName = name, Source = "Debugger", PerDevice = true }, instanceOf, request.Parameters, range.Start, range.End);
                }
                if (analyzer.Points == 0)
                {
                    if (request.Source == MetricSource.Debugger)
                    {
                        throw new MonitoringException("DebuggerDataNotAvailable", ErrorKind.ObjectNotFound,
                            $"No Debugger system data for training job '{name}' between {range.Start:yyyy-MM-ddTHH:mm:ssZ} and {range.End:yyyy-MM-ddTHH:mm:ssZ} under {location.Uri}.", name)
                        {
                            RecommendedAction = "Use -Source CloudWatch (or Auto), or widen the time range.",
                        };
                    }
                    _reporter.Verbose($"No Debugger system data under {location.Uri}; reading CloudWatch.");
                    analyzer = null;
                }
                else
                {
                    analysis.Source = "Debugger";
                }
            }
            if (analyzer is null)
            {
                analyzer = new UtilizationAnalyzer(new FindingContext { ResourceName = name, Source = "CloudWatch", PerDevice = false }, instanceOf, request.Parameters, range.Start, range.End);
                var query = new MetricQuery(MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.TrainingJob, name)))
                {
                    MetricNames = JobMetrics,
                    StartTime = range.Start,
                    EndTime = range.End,
                };
                var service = new MetricQueryService(_cloudWatch, _sageMaker, _reporter, _clock);
                await foreach (var page in service.GetPagesAsync(query, cancellationToken).ConfigureAwait(false)) analyzer.AddCloudWatch(page);
                analysis.Source = "CloudWatch";
                if (analyzer.Unnormalised.Count > 0)
                {
                    _reporter.Warning($"Training job '{name}' runs on {job.InstanceType ?? "an unknown instance type"}, which the module's instance-type table does not know: "
                        + $"{string.Join(", ", analyzer.Unnormalised)} could not be divided per device and were left out.");
                }
            }
            Finish(analysis, analyzer, rules.Where(r => UtilizationRules.TrainingJob.Contains(r)).ToList());
            return analysis;
        }

        private static void Finish(UtilizationAnalysis analysis, UtilizationAnalyzer analyzer, IReadOnlyCollection<string> rules)
        {
            analysis.Points = analyzer.Points;
            analysis.Statistics = analyzer.Statistics().ToList();
            analysis.Charts = analyzer.Charts().ToList();
            analysis.Findings = analyzer.Findings(rules).ToList();
        }

        /// <summary>The range through the module's one time-range resolver (as the metric cmdlets resolve it); clips are warnings.</summary>
        private TimeRange ResolveRange(UtilizationRequest request, ResourceTimeSpan? span)
        {
            var now = UtcTime.ToUtc(_clock());
            var resolved = TimeRangeResolver.Resolve(TimeRangeRequest.ForMetrics(request.StartTime, request.EndTime, request.Since, span), now);
            foreach (var clip in resolved.Clips) _reporter.Warning(clip);
            return resolved.ToRange(now);
        }

        /// <summary>
        /// A training job's span for utilization: from TrainingStartTime (when the job starts on its instances, before
        /// data and image downloads; no utilization exists earlier) rather than its creation, which the log cmdlets
        /// need. Minutes of queueing and provisioning would otherwise push the start of a recent job's range past
        /// CloudWatch's 3-hour 1-second tier and read the whole job at 1 minute.
        /// </summary>
        internal static ResourceTimeSpan? UtilizationSpan(SageMakerResourceDescription description)
        {
            var span = description.TimeSpan;
            if (span is null || description.Job?.StartTime is not DateTime started) return span;
            var start = UtcTime.ToUtc(started);
            return start > span.Start && (span.End is null || start <= span.End) ? span with { Start = start } : span;
        }

        /// <summary>The instance type of each host: algo-1… in the order of the instance groups (heterogeneous clusters), else the job's one type.</summary>
        internal static Func<string, InstanceTypeInfo?> HostInstances(SageMakerResourceDescription job)
        {
            var single = InstanceTypeCatalog.Find(job.InstanceType);
            if (job.InstanceGroups.Count == 0) return _ => single;
            var map = new Dictionary<string, InstanceTypeInfo?>(StringComparer.Ordinal);
            var n = 1;
            foreach (var g in job.InstanceGroups)
            {
                for (var i = 0; i < g.InstanceCount; i++) map["algo-" + n++] = InstanceTypeCatalog.Find(g.InstanceType);
            }
            return host => map.TryGetValue(host, out var info) ? info : single;
        }

        private async Task<UtilizationAnalysis> AnalyzeEndpointAsync(UtilizationRequest request, IReadOnlyCollection<string> rules, CancellationToken cancellationToken)
        {
            var name = request.EndpointName!;
            if (request.Source == MetricSource.Debugger)
            {
                throw new MonitoringException("DebuggerSourceNotSupported", ErrorKind.InvalidArgument, "Debugger system data exist only for training jobs; endpoints are read from CloudWatch.", name);
            }
            var description = await new SageMakerResourceResolver(_sageMaker)
                .DescribeAsync(SageMakerResource.Create(SageMakerResourceType.Endpoint, name), cancellationToken).ConfigureAwait(false);
            var endpoint = description.Endpoint!;
            if (string.IsNullOrEmpty(endpoint.Name)) endpoint.Name = name;
            var range = ResolveRange(request, null);
            EndpointVariantInstances instances;
            if (request.InstanceType != null)
            {
                var instance = InstanceTypeCatalog.Find(request.InstanceType) ?? throw new MonitoringException("InstanceTypeNotKnown", ErrorKind.InvalidArgument,
                    $"'{request.InstanceType}' is not an ml.* instance type the module knows.", request.InstanceType)
                {
                    RecommendedAction = "Give the instance type as SageMaker names it, e.g. ml.m5.xlarge or ml.g5.2xlarge.",
                };
                instances = EndpointVariantInstances.Override(instance);
            }
            else
            {
                instances = await EndpointVariantInstances.ResolveAsync(_sageMaker, endpoint, _reporter, cancellationToken).ConfigureAwait(false);
            }
            var analysis = new UtilizationAnalysis
            {
                ResourceType = "Endpoint", ResourceName = name, Endpoint = endpoint, Source = "CloudWatch", Start = range.Start, End = range.End,
                InstanceType = instances.Names.Count == 0 ? null : string.Join(", ", instances.Names),
            };
            var analyzer = new UtilizationAnalyzer(new FindingContext { ResourceName = name, Source = "CloudWatch" }, instances.For, request.Parameters, range.Start, range.End);
            var selection = MetricSelection.ForResource(SageMakerResource.Create(SageMakerResourceType.Endpoint, name));
            var service = new MetricQueryService(_cloudWatch, _sageMaker, _reporter, _clock);
            var inputs = new Dictionary<string, EndpointRuleInput>(StringComparer.Ordinal);
            EndpointRuleInput Input(string v)
            {
                if (inputs.TryGetValue(v, out var i)) return i;
                return inputs[v] = new EndpointRuleInput(v) { InstanceType = instances.For(v)?.Name, InstanceUnknownReason = instances.UnknownReason(v) };
            }

            // Only what the variants publish: GPU metrics where a variant has GPUs (or its type is unknown), CPU and disk
            // where it has instances (serverless variants publish memory alone); asking for more would only warn.
            var instanceBased = endpoint.Variants.Where(v => !instances.IsServerless(v.VariantName)).ToList();
            var cpus = endpoint.Variants.Count == 0 || instanceBased.Count > 0;
            var gpus = endpoint.Variants.Count == 0 || instanceBased.Any(v => instances.For(v.VariantName) is not { } t || t.Gpus > 0);
            var utilizationMetrics = !cpus ? new[] { "MemoryUtilization" }
                : gpus ? new[] { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" }
                : new[] { "CPUUtilization", "MemoryUtilization", "DiskUtilization" };
            var utilization = new MetricQuery(selection) { MetricNames = utilizationMetrics, StartTime = range.Start, EndTime = range.End };
            await foreach (var page in service.GetPagesAsync(utilization, cancellationToken).ConfigureAwait(false))
            {
                // Endpoint instance metrics are per variant; the variant is the "host".
                analyzer.AddCloudWatch(page);
                foreach (var p in page) Input(p.VariantName ?? p.Host ?? "").Seen(p.UtcTimestamp);
            }
            // The right-size rule asks whether every instance is lightly loaded: each period's busiest instance (Maximum).
            var peaks = new MetricQuery(selection) { MetricNames = gpus ? new[] { "CPUUtilization", "GPUUtilization" } : new[] { "CPUUtilization" }, Statistics = new[] { "Maximum" }, StartTime = range.Start, EndTime = range.End };
            if (cpus)
            {
                await foreach (var page in service.GetPagesAsync(peaks, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var p in page)
                    {
                        var variant = p.VariantName ?? p.Host ?? "";
                        var value = UtilizationNormalizer.PerDevice(p.MetricName, p.Value, instances.For(variant));
                        if (value is null) continue;
                        var i = Input(variant);
                        (p.MetricName == "CPUUtilization" ? i.CpuPeak : i.GpuPeak).Add(value.Value);
                        i.Seen(p.UtcTimestamp);
                    }
                }
            }
            var latency = new MetricQuery(selection) { MetricNames = new[] { "ModelLatency" }, Statistics = new[] { "p99" }, StartTime = range.Start, EndTime = range.End };
            await foreach (var page in service.GetPagesAsync(latency, cancellationToken).ConfigureAwait(false))
            {
                foreach (var p in page)
                {
                    var i = Input(p.VariantName ?? "");
                    i.LatencyP99.Add((p.UtcTimestamp, p.Value));
                    i.Seen(p.UtcTimestamp);
                }
            }
            var counts = new MetricQuery(selection) { MetricNames = new[] { "Invocations", "Invocation4XXErrors", "Invocation5XXErrors" }, Statistics = new[] { "Sum" }, StartTime = range.Start, EndTime = range.End };
            await foreach (var page in service.GetPagesAsync(counts, cancellationToken).ConfigureAwait(false))
            {
                foreach (var p in page)
                {
                    var i = Input(p.VariantName ?? "");
                    if (p.MetricName == "Invocations") i.Invocations += p.Value;
                    else if (p.MetricName == "Invocation4XXErrors") i.Errors4xx += p.Value;
                    else i.Errors5xx += p.Value;
                }
            }
            foreach (var v in endpoint.Variants) Input(v.VariantName);
            analysis.Points = analyzer.Points;
            analysis.Statistics = analyzer.Statistics().ToList();
            analysis.Charts = analyzer.Charts().ToList();
            if (analyzer.Unnormalised.Count > 0)
            {
                var reasons = endpoint.Variants.Select(v => instances.UnknownReason(v.VariantName)).Where(r => r != null).Distinct().ToList();
                _reporter.Warning($"Endpoint '{name}': {string.Join(", ", analyzer.Unnormalised)} could not be divided per device and were left out"
                    + (reasons.Count == 0 ? "." : $" ({string.Join("; ", reasons)})."));
            }
            analysis.Findings = EndpointRuleEvaluator.Evaluate(name, inputs.Values.Where(i => i.VariantName.Length > 0).OrderBy(i => i.VariantName, StringComparer.Ordinal).ToList(),
                request.Parameters, rules.Where(r => UtilizationRules.Endpoint.Contains(r)).ToList()).ToList();
            return analysis;
        }
    }
}
