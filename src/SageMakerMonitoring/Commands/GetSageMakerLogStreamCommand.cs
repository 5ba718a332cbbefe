using System;
using System.Management.Automation;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Gets the log streams of a SageMaker resource with their parsed name parts, newest first.</summary>
    [Cmdlet(VerbsCommon.Get, "SageMakerLogStream", DefaultParameterSetName = TrainingJobSet)]
    [OutputType(typeof(LogStream))]
    public sealed class GetSageMakerLogStreamCommand : SageMakerLogResourceCommand
    {
        [Parameter(Mandatory = true, ParameterSetName = LogGroupSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.LogGroupNameCompleter))]
        public string? LogGroupName { get; set; }

        [Parameter(ParameterSetName = LogGroupSet)]
        [ValidateNotNullOrEmpty]
        public string? LogStreamNamePrefix { get; set; }

        protected override string FirstLogGroupName() => LogGroupName!;

        protected override string? LogStreamPrefix => LogStreamNamePrefix;

        protected override void EndProcessing() => ReadPipedStreams(ProcessRecord);

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
                WriteItemError(ex, TrainingJobName ?? EndpointName ?? LogGroupName);
                return;
            }
            var selector = Selector(resource);
            Run(async (output, ct) =>
            {
                var lister = new LogStreamLister(Clients.CreateCloudWatchLogs(), output);
                var streams = await lister.ListAsync(location, selector, resource.Type != SageMakerResourceType.Custom, ct).ConfigureAwait(false);
                if (streams.Count == 0) output.Verbose($"{resource}: no log streams in {location}.");
                foreach (var s in LogStreamLister.NewestFirst(streams)) output.WriteObject(s);
            }, resource.Name);
        }
    }
}
