using System;
using System.Management.Automation;
using SageMakerMonitoring.Completers;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Events;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Produces realistic SageMaker events (the full EventBridge envelope) for testing patterns, rules and targets. Makes no AWS call.</summary>
    [Cmdlet(VerbsCommon.New, "SageMakerSampleEvent")]
    [OutputType(typeof(SageMakerSampleEvent), typeof(string))]
    public sealed class NewSageMakerSampleEventCommand : PSCmdlet
    {
        private SageMakerSampleEventFactory? _factory;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        [EventTypeValidation]
        public string[] EventType { get; set; } = Array.Empty<string>();

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EventStatusCompleter))]
        public string[]? Status { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SageMakerResourceNameCompleter))]
        public string? ResourceName { get; set; }

        [Parameter]
        public DateTime? Time { get; set; }

        [Parameter]
        [ValidatePattern("^[0-9]{12}$")]
        public string Account { get; set; } = "123456789012";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Region { get; set; } = "us-east-1";

        [Parameter]
        public int Seed { get; set; } = 1;

        [Parameter]
        public SwitchParameter AsJson { get; set; }

        protected override void BeginProcessing()
        {
            _factory = new SageMakerSampleEventFactory(Seed, Account, Region);
        }

        protected override void ProcessRecord()
        {
            var time = Time ?? DateTime.UtcNow;
            foreach (var name in EventType)
            {
                var type = SageMakerEventCatalog.Get(name);
                var statuses = Status == null || Status.Length == 0 || type.Statuses.Count == 0 ? new string?[] { null } : (string?[])Status;
                if (Status != null && Status.Length > 0 && type.Statuses.Count == 0)
                {
                    WriteWarning("Event type " + type.ShortName + " carries no status; -Status is ignored.");
                }
                foreach (var status in statuses)
                {
                    SageMakerSampleEvent sample;
                    try
                    {
                        sample = _factory!.CreateSample(type, status, ResourceName ?? DefaultName(type), time);
                    }
                    catch (ArgumentException e)
                    {
                        WriteError(new ErrorRecord(e, "InvalidEventStatus", ErrorCategory.InvalidArgument, status));
                        continue;
                    }
                    if (AsJson) WriteObject(sample.Json);
                    else WriteObject(sample);
                }
            }
        }

        private static string DefaultName(SageMakerEventType type)
            => "sample-" + (type.ResourceArnKind ?? "resource").Replace('/', '-');
    }
}
