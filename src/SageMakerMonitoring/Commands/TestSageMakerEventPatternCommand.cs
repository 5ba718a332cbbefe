using System;
using System.Management.Automation;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Tests events against an EventBridge pattern with the module's own engine (compiled once, every event parsed once),
    /// or with EventBridge's TestEventPattern (<c>-Remote</c>).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "SageMakerEventPattern")]
    [OutputType(typeof(bool), typeof(EventPatternTestResult))]
    public sealed class TestSageMakerEventPatternCommand : SageMakerMonitoringCmdlet
    {
        private string _patternJson = "";
        private EventPattern? _pattern;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public object EventPattern { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object[] Event { get; set; } = Array.Empty<object>();

        [Parameter]
        public SwitchParameter Detailed { get; set; }

        [Parameter]
        public SwitchParameter Remote { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _patternJson = SageMakerEventCommand.ToJson(EventPattern);
                if (!Remote) _pattern = EventRuleService.ValidatePattern(_patternJson);
            }
            catch (Exception e) when (e is MonitoringException || e is ArgumentException)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(e, EventPattern));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var item in Event)
            {
                string json;
                ParsedEvent? parsed = null;
                try
                {
                    json = SageMakerEventCommand.ToJson(item);
                    parsed = ParsedEvent.Parse(json);
                }
                catch (Exception e) when (e is JsonException || e is ArgumentException)
                {
                    if (!Remote)
                    {
                        WriteError(ErrorRecordFactory.Create(new MonitoringException("InvalidEventJson", ErrorKind.InvalidData,
                            "The event is not valid JSON: " + e.Message, item, e), item));
                        continue;
                    }
                    json = item as string ?? item?.ToString() ?? "";
                }

                if (!Remote)
                {
                    if (Detailed) WriteObject(EventPatternTestResult.FromLocal(_pattern!.Evaluate(parsed!), parsed!));
                    else WriteObject(_pattern!.Matches(parsed!));
                    continue;
                }

                var eventJson = json;
                var eventSummary = parsed;
                Run(async (output, ct) =>
                {
                    bool result;
                    try
                    {
                        result = await Clients.CreateEventBridge().TestEventPatternAsync(_patternJson, eventJson, ct).ConfigureAwait(false);
                    }
                    catch (AwsServiceException e) when (!e.IsInvalidEventPattern)
                    {
                        output.WriteError(ErrorRecordFactory.Create(e, item));
                        return;
                    }
                    if (!Detailed)
                    {
                        output.WriteObject(result);
                        return;
                    }
                    output.WriteObject(new EventPatternTestResult
                    {
                        IsMatch = result,
                        EventId = eventSummary?.GetString("id"),
                        Source = eventSummary?.GetString("source"),
                        DetailType = eventSummary?.GetString("detail-type"),
                        Engine = "Remote",
                        Event = eventJson,
                    });
                }, EventPattern);
            }
        }
    }
}
