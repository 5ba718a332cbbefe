using System;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Output;
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
        protected void RunForEachResource(ResourceSelection selection, int throttleLimit, Func<SageMakerResource, ResourceScope, CmdletOutput, CancellationToken, Task> work)
        {
            var scopeOf = ScopeSource();
            if (selection.IsSinglePlainName)
            {
                var single = SageMakerResource.Create(selection.Type, ResourceNamePattern.Parse(selection.Names[0].Trim()).Literal, selection.VariantName);
                Run(async (output, ct) => await work(single, await scopeOf(null, ct).ConfigureAwait(false), output, ct).ConfigureAwait(false), single.Name);
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
                    async (item, itemToken) =>
                    {
                        if (item.Failure != null) throw item.Failure;
                        await work(item.Resource, await scopeOf(item.Arn, itemToken).ConfigureAwait(false), output, itemToken).ConfigureAwait(false);
                    },
                    (item, ex) => output.WriteError(ErrorRecordFactory.Create(ex, item.Resource.Name)), ct).ConfigureAwait(false);
            }, selection.ToString());
        }

        /// <summary>
        /// The scope of each resource's output: the Region the clients call, and the account from the resource's ARN
        /// when SageMaker gave one, else the caller's account (STS GetCallerIdentity, asked once per credentials for the
        /// process, on the worker). The clients are created here, on the pipeline thread.
        /// </summary>
        protected Func<string?, CancellationToken, Task<ResourceScope>> ScopeSource()
        {
            var region = Clients.Region;
            var identity = Clients.CreateCallerIdentity();
            return async (arn, ct) => new ResourceScope(region, ResourceScope.AccountOfArn(arn) ?? await identity.GetAccountAsync(ct).ConfigureAwait(false));
        }
    }
}
