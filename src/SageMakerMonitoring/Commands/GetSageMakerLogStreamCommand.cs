using System;
using System.Management.Automation;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Logs;
using SageMakerMonitoring.Core.Output;
using SageMakerMonitoring.Core.Resources;

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
            var selector = (Func<SageMakerResource, LogStreamSelector>)Selector;
            var locate = (Func<SageMakerResource, LogLocation>)Location;
            RunForEachLogResource(async (resource, w, output, ct) =>
            {
                var query = new LogStreamQuery(resource, locate(resource)) { Selector = selector(resource) };
                var service = new LogReadService(w.Clients.CreateCloudWatchLogs(), w.Clients.CreateSageMaker(), output);
                await foreach (var stream in service.GetStreamsAsync(query, ct).ConfigureAwait(false))
                {
                    ResourceScopeStamp.Apply(stream, w.Output);
                    output.WriteObject(stream);
                }
            });
        }
    }
}
