using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Text;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Runs a CloudWatch Logs Insights query over a SageMaker resource's logs and returns one object per row.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SageMakerLogQuery", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeSageMakerLogQueryCommand : SageMakerLogResourceCommand
    {
        public const string RowTypeName = "SageMakerMonitoring.LogQueryRow";

        [Parameter(Mandatory = true, ParameterSetName = LogGroupSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateCount(1, 50)]
        [ArgumentCompleter(typeof(Completers.LogGroupNameCompleter))]
        public string[]? LogGroupName { get; set; }

        /// <summary>The Logs Insights query.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateLength(1, 10000)]
        public string? Query { get; set; }

        [Parameter]
        public DateTime? StartTime { get; set; }

        [Parameter]
        public DateTime? EndTime { get; set; }

        /// <summary>A duration (2h, 30m, 7d) or a point in time.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Since { get; set; }

        /// <summary>At most this many rows in all.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Limit { get; set; }

        /// <summary>How long to wait for the query (and its splits) before stopping it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Timeout { get; set; } = "15m";

        private TimeSpan? _since;
        private TimeSpan _timeout;

        protected override void BeginProcessing()
        {
            _since = Since is null ? (TimeSpan?)null : ParseDuration(Since, nameof(Since), allowPointInTime: true);
            _timeout = ParseDuration(Timeout, nameof(Timeout), allowPointInTime: false);
        }

        protected override string FirstLogGroupName() => LogGroupName![0];

        protected override void EndProcessing() => ReadPipedStreams(ProcessRecord);

        protected override void StreamsStartAt(DateTime? earliest)
        {
            if (StartTime is null && Since is null) StartTime = earliest;
        }

        protected override void ProcessRecord()
        {
            if (DeferPipedStreams()) return;
            SageMakerResource resource;
            LogLocation location;
            try
            {
                resource = Resource();
                location = Location(resource);
            }
            catch (Exception ex)
            {
                WriteItemError(ex, TrainingJobName ?? EndpointName);
                return;
            }
            var groups = ParameterSetName == LogGroupSet ? (IReadOnlyList<string>)LogGroupName! : new[] { location.LogGroupName };
            Run(async (output, ct) =>
            {
                var query = ParameterSetName == LogGroupSet ? Query! : await ScopedQueryAsync(resource, location, output, ct).ConfigureAwait(false);
                if (query is null)
                {
                    output.Verbose($"{resource}: no log stream matches; nothing to query.");
                    return;
                }
                var job = StartTime is null && _since is null
                    ? await new SageMakerJobLookup(Clients.CreateSageMaker(), output).DescribeAsync(resource, ct).ConfigureAwait(false)
                    : null;
                var now = DateTime.UtcNow;
                var window = LogTimeRangeResolver.Resolve(job, StartTime, EndTime, _since, now, follow: false);
                var end = window.End ?? now;
                var start = window.Start ?? end.AddHours(-3);
                output.Verbose($"{resource}: Logs Insights over {string.Join(", ", groups)}, {window}: {query}");
                var runner = new LogQueryRunner(Clients.CreateCloudWatchLogs(), output);
                var request = new LogQueryRequest(groups, query, start, end) { Limit = Limit, Timeout = _timeout };
                await foreach (var row in runner.RunAsync(request, ct).ConfigureAwait(false)) output.WriteObject(ToPSObject(row));
                var stats = runner.Statistics;
                output.Verbose($"{stats.Rows:N0} row(s) from {stats.Queries} quer{(stats.Queries == 1 ? "y" : "ies")} ({stats.Splits} split(s)); {stats.RecordsMatched:N0} records matched, {stats.RecordsScanned:N0} scanned, {stats.BytesScanned:N0} bytes scanned.");
            }, resource.Name);
        }

        /// <summary>
        /// Shared groups (all training jobs log to one group) are narrowed to the resource's streams with a leading
        /// filter on <c>@logStream</c>: by prefix, or, when -HostName and the like narrow further, by the exact names of
        /// the streams they select. Null when no stream is selected.
        /// </summary>
        private async System.Threading.Tasks.Task<string?> ScopedQueryAsync(SageMakerResource resource, LogLocation location, CmdletOutput output, System.Threading.CancellationToken ct)
        {
            var selector = Selector(resource);
            string? filter = null;
            if (!selector.SelectsAll || !location.PrefixIsExact)
            {
                var streams = await new LogStreamLister(Clients.CreateCloudWatchLogs(), output).ListAsync(location, selector, true, ct).ConfigureAwait(false);
                if (streams.Count == 0) return null;
                filter = "@logStream in [" + string.Join(", ", streams.Select(s => "\"" + s.LogStreamName.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";
                if (filter.Length + Query!.Length > 9_900)
                {
                    output.Warning($"{streams.Count} streams are too many to name in the query; querying every stream of {location} instead.");
                    filter = null;
                }
            }
            if (filter is null && location.LogStreamNamePrefix != null)
            {
                var prefix = EscapeRegex(location.LogStreamNamePrefix);
                filter = location.PrefixIsWholeSegment ? $"@logStream like /^{prefix}($|\\/)/" : $"@logStream like /^{prefix}/";
            }
            return filter is null ? Query! : "filter " + filter + "\n| " + Query!.TrimStart().TrimStart('|').TrimStart();
        }

        private static string EscapeRegex(string text)
        {
            var sb = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if ("\\/^$.|?*+()[]{}".IndexOf(c) >= 0) sb.Append('\\');
                sb.Append(c);
            }
            return sb.ToString();
        }

        internal static PSObject ToPSObject(LogQueryRow row)
        {
            var result = new PSObject();
            result.TypeNames.Insert(0, RowTypeName);
            foreach (var field in row.Fields)
            {
                if (result.Properties[field.Name] != null) continue;
                // Times as DateTimeOffset at UTC, so Export-Csv and ConvertTo-Json keep the UTC mark.
                var value = field.Value is DateTime time ? Core.Output.OutputTime.From(time) : field.Value;
                result.Properties.Add(new PSNoteProperty(field.Name, value));
            }
            return result;
        }
    }
}
