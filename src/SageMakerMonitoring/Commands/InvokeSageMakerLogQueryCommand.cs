using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Output;
using SageMakerMonitoring.Core.Resources;

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
        [Binding.UtcDateTime]
        public DateTime? StartTime { get; set; }

        [Parameter]
        [Binding.UtcDateTime]
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
            var selector = (Func<SageMakerResource, LogStreamSelector>)Selector;
            var locate = (Func<SageMakerResource, LogLocation>)Location;
            var text = Query!;
            var logGroupNames = ParameterSetName == LogGroupSet ? LogGroupName : null;
            var startTime = StartTime;
            var endTime = EndTime;
            var since = _since;
            var limit = Limit;
            var timeout = _timeout;
            RunForEachLogResource(async (resource, w, output, ct) =>
            {
                var query = new LogInsightsQuery(resource, locate(resource), text)
                {
                    Selector = selector(resource),
                    LogGroupNames = logGroupNames,
                    StartTime = startTime,
                    EndTime = endTime,
                    Since = since,
                    Limit = limit,
                    Timeout = timeout,
                };
                var service = new LogQueryService(w.Clients.CreateCloudWatchLogs(), w.Clients.CreateSageMaker(), output);
                await foreach (var row in service.RunAsync(query, ct).ConfigureAwait(false)) output.WriteObject(ToPSObject(row, w.Output));
            });
        }

        internal static PSObject ToPSObject(LogQueryRow row, ResourceScope? scope = null)
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
            // Where the row came from, unless the query itself returned fields of these names.
            if (scope != null)
            {
                if (result.Properties["Region"] == null) result.Properties.Add(new PSNoteProperty("Region", scope.Region));
                if (result.Properties["Account"] == null) result.Properties.Add(new PSNoteProperty("Account", scope.Account));
            }
            return result;
        }
    }
}
