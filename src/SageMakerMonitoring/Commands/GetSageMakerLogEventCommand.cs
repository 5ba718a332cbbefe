using System;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Output;
using SageMakerMonitoring.Core.Resources;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Gets the log events of a SageMaker resource, every host merged in time order, optionally following new events
    /// until the job ends or Ctrl+C.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SageMakerLogEvent", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(LogEvent))]
    public sealed class GetSageMakerLogEventCommand : SageMakerLogResourceCommand
    {
        [Parameter(Mandatory = true, ParameterSetName = LogGroupSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogGroupNameCompleter))]
        public string? LogGroupName { get; set; }

        [Parameter(ParameterSetName = LogGroupSet)]
        [ValidateNotNullOrEmpty]
        public string? LogStreamNamePrefix { get; set; }

        /// <summary>CloudWatch Logs filter pattern.</summary>
        [Parameter(Position = 1)]
        [ValidateLength(1, 1024)]
        public string? FilterPattern { get; set; }

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

        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>Seconds between polls when following.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string PollInterval { get; set; } = "2s";

        private TimeSpan? _since;
        private TimeSpan _pollInterval;

        protected override string FirstLogGroupName() => LogGroupName!;

        protected override string? LogStreamPrefix => LogStreamNamePrefix;

        protected override void BeginProcessing()
        {
            _since = Since is null ? (TimeSpan?)null : ParseDuration(Since, nameof(Since), allowPointInTime: true);
            _pollInterval = ParseDuration(PollInterval, nameof(PollInterval), allowPointInTime: false);
            if (_pollInterval < TimeSpan.FromMilliseconds(100) || _pollInterval > TimeSpan.FromMinutes(10))
                ThrowTerminatingError(new ErrorRecord(new ArgumentOutOfRangeException(nameof(PollInterval), _pollInterval, "-PollInterval must be between 0.1 seconds and 10 minutes."),
                    "InvalidArgument", ErrorCategory.InvalidArgument, PollInterval));
        }

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
            var startTime = StartTime;
            var endTime = EndTime;
            var since = _since;
            var filterPattern = FilterPattern;
            var follow = Follow.IsPresent;
            var pollInterval = _pollInterval;
            // Following never ends on its own: every selected resource is followed at once, whatever -ThrottleLimit says.
            RunForEachLogResource(async (resource, w, output, ct) =>
            {
                var query = new LogEventQuery(resource, locate(resource))
                {
                    Selector = selector(resource),
                    StartTime = startTime,
                    EndTime = endTime,
                    Since = since,
                    FilterPattern = filterPattern,
                    Follow = follow,
                    PollInterval = pollInterval,
                };
                var service = new LogReadService(w.Clients.CreateCloudWatchLogs(), w.Clients.CreateSageMaker(), output);
                await foreach (var page in service.GetEventsAsync(query, ct).ConfigureAwait(false))
                {
                    ResourceScopeStamp.ApplyAll(page, page.Length, w.Output);
                    output.WriteObjects(page, page.Length);
                }
            }, follow ? int.MaxValue : (int?)null);
        }
    }
}
