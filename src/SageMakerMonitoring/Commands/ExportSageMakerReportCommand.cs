using System;
using System.IO;
using System.Management.Automation;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Resources;
using System.Text;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Writes a self-contained HTML profiling report of a training job or an endpoint.
    /// <para type="synopsis">Writes one HTML file with a job's or endpoint's summary, usage table, charts, box plots and findings that opens offline.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "SageMakerReport", DefaultParameterSetName = TrainingJobSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportSageMakerReportCommand : SageMakerUtilizationCommand
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessRecord()
        {
            var full = GetUnresolvedProviderPathFromPSPath(Path);
            var directory = System.IO.Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(new MonitoringException("ReportFolderNotFound", ErrorKind.ObjectNotFound,
                    $"The folder of '{full}' does not exist.", Path) { RecommendedAction = "Create the folder first, or give a path in an existing folder." }, Path));
            }
            var selection = ResourceSelection();
            var sageMaker = Clients.CreateSageMaker();
            SageMakerResource? resource;
            if (selection.IsSinglePlainName)
            {
                resource = SageMakerResource.Create(selection.Type, ResourceNamePattern.Parse(selection.Names[0].Trim()).Literal);
            }
            else
            {
                try
                {
                    SageMakerResourceSelector.Validate(selection);
                }
                catch (MonitoringException ex)
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create(ex, ex.TargetObject));
                }
                resource = Run((output, ct) => new SageMakerResourceSelector(sageMaker, output).SelectOneAsync(selection, ct), Target);
                if (resource is null) return;
            }
            if (!ShouldProcess(full, $"Write the utilization report of {(ParameterSetName == EndpointSet ? "endpoint" : "training job")} '{resource.Name}'")) return;
            var request = RequestFactory()(resource);
            var endpoint = ParameterSetName == EndpointSet;
            var cloudWatch = Clients.CreateCloudWatch();
            var s3 = endpoint ? null : Clients.CreateObjectStore();
            Run(async (output, ct) =>
            {
                var rules = endpoint ? UtilizationRules.Endpoint : UtilizationRules.TrainingJob;
                var analysis = await new UtilizationService(cloudWatch, sageMaker, s3, output).AnalyzeAsync(request, rules, ct).ConfigureAwait(false);
                // Written beside the target and moved over it, so a failure never leaves half a report.
                var temp = full + ".tmp-" + Guid.NewGuid().ToString("n").Substring(0, 8);
                try
                {
                    using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
                    {
                        new UtilizationReportWriter().Write(analysis, writer, DateTime.UtcNow);
                    }
                    if (File.Exists(full)) File.Delete(full);
                    File.Move(temp, full);
                }
                finally
                {
                    if (File.Exists(temp)) File.Delete(temp);
                }
                output.Verbose($"{analysis.ResourceName}: {analysis.Points} points from {analysis.Source}; {analysis.Findings.Count} findings.");
                output.WriteObject(new FileInfo(full));
            }, resource.Name);
        }
    }
}
