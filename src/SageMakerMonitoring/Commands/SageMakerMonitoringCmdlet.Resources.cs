using System;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Reading many resources in one call: Core's selector finds them, Core's fan-out runner reads them with a
    /// bounded number at once, and each resource's failure is that resource's error.</summary>
    public abstract partial class SageMakerMonitoringCmdlet
    {
        /// <summary>
        /// Runs <paramref name="work"/> for every resource <paramref name="selection"/> names, at most
        /// <paramref name="throttleLimit"/> at once, writing what each writes as it comes. One plain name without filters
        /// runs exactly as a single-resource call (its failures are the call's own); otherwise a resource that fails is a
        /// non-terminating error naming it and the others still run.
        /// </summary>
        protected void RunForEachResource(ResourceSelection selection, int throttleLimit, Func<SageMakerResource, CmdletOutput, CancellationToken, Task> work)
        {
            if (selection.IsSinglePlainName)
            {
                var single = SageMakerResource.Create(selection.Type, ResourceNamePattern.Parse(selection.Names[0].Trim()).Literal, selection.VariantName);
                Run((output, ct) => work(single, output, ct), single.Name);
                return;
            }
            try
            {
                SageMakerResourceSelector.Validate(selection);
            }
            catch (MonitoringException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, ex.TargetObject));
            }
            var sageMaker = Clients.CreateSageMaker();
            Run(async (output, ct) =>
            {
                var selector = new SageMakerResourceSelector(sageMaker, output);
                await FanOutRunner.RunAsync(selector.SelectAsync(selection, ct), throttleLimit,
                    (item, itemToken) => item.Failure != null ? Task.FromException(item.Failure) : work(item.Resource, output, itemToken),
                    (item, ex) => output.WriteError(ErrorRecordFactory.Create(ex, item.Resource.Name)), ct).ConfigureAwait(false);
            }, selection.ToString());
        }
    }
}
