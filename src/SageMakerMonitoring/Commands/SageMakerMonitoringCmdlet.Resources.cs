using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;

namespace SageMakerMonitoring.Commands
{
    /// <summary>Reading many resources in many Regions and accounts in one call: Core's selectors find the resources
    /// of every scope, Core's fan-out runner reads them with a bounded number at once, and each resource's or scope's
    /// failure is that item's error.</summary>
    public abstract partial class SageMakerMonitoringCmdlet
    {
        /// <summary>
        /// Runs <paramref name="work"/> for every resource <paramref name="selection"/> names in every scope (each -Region
        /// with each -ProfileName), at most <paramref name="throttleLimit"/> at once, writing what each writes as it comes.
        /// <paramref name="prepare"/> creates the clients the work uses, per scope, here on the pipeline thread. One plain
        /// name without filters in one scope runs exactly as a single-resource call (its failures are the call's own);
        /// otherwise a resource or scope that fails is a non-terminating error naming it (and, with several scopes, the
        /// scope) and the others still run.
        /// </summary>
        protected void RunForEachResource(ResourceSelection selection, int throttleLimit, Action<IAwsClientFactory> prepare, Func<ResourceWork, CmdletOutput, CancellationToken, Task> work)
        {
            var scopes = PrepareScopes(prepare);
            if (scopes.Count == 1 && selection.IsSinglePlainName)
            {
                var scope = scopes[0];
                var single = SageMakerResource.Create(selection.Type, ResourceNamePattern.Parse(selection.Names[0].Trim()).Literal, selection.VariantName);
                Run(async (output, ct) => await work(new ResourceWork(single, scope.OutputScope(null), scope.Clients), output, ct)
                    .ConfigureAwait(false), single.Name);
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
            var several = scopes.Count > 1;
            Run(async (output, ct) =>
            {
                await FanOutRunner.RunAsync(FleetResourceSelector.SelectAsync(scopes, selection, output, ct), throttleLimit,
                    async (item, itemToken) =>
                    {
                        if (item.Failure != null) throw item.Failure;
                        var outputScope = item.Scope.OutputScope(item.Selected!.Arn);
                        await work(new ResourceWork(item.Resource, outputScope, item.Scope.Clients), output, itemToken).ConfigureAwait(false);
                    },
                    (item, ex) => output.WriteError(ScopedError(ex, item.Target, several ? item.Scope : null)), ct).ConfigureAwait(false);
            }, selection.ToString());
        }

        /// <summary>
        /// Runs <paramref name="work"/> once per scope (each -Region with each -ProfileName), for reads that name no
        /// SageMaker resource (a raw namespace, piped metrics): one scope runs as a plain call; with several, a scope
        /// that fails is its own non-terminating error.
        /// </summary>
        protected void RunForEachScope(object? target, int throttleLimit, Action<IAwsClientFactory> prepare, Func<ResourceWork, CmdletOutput, CancellationToken, Task> work)
        {
            var scopes = PrepareScopes(prepare);
            if (scopes.Count == 1)
            {
                var scope = scopes[0];
                Run(async (output, ct) => await work(new ResourceWork(null, scope.OutputScope(null), scope.Clients), output, ct)
                    .ConfigureAwait(false), target);
                return;
            }
            Run(async (output, ct) =>
            {
                await FanOutRunner.RunAsync(AsAsync(scopes), throttleLimit,
                    async (scope, itemToken) =>
                        await work(new ResourceWork(null, scope.OutputScope(null), scope.Clients), output, itemToken).ConfigureAwait(false),
                    (scope, ex) => output.WriteError(ScopedError(ex, target ?? scope.Label, scope)), ct).ConfigureAwait(false);
            }, target);
        }

        private IReadOnlyList<FleetScope> PrepareScopes(Action<IAwsClientFactory> prepare)
        {
            var scopes = ClientScopes();
            foreach (var scope in scopes)
            {
                try
                {
                    prepare(scope.Clients);
                    scope.Clients.CreateSageMaker();
                    scope.Clients.CreateCallerIdentity();
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create(ex, scope.Label));
                }
            }
            return scopes;
        }

        /// <summary>An item's error; with several scopes its message starts with the scope it happened in.</summary>
        protected static ErrorRecord ScopedError(Exception exception, object? target, FleetScope? scope)
        {
            var record = ErrorRecordFactory.Create(exception, target);
            if (scope != null)
            {
                var message = record.ErrorDetails?.Message ?? record.Exception.Message;
                record.ErrorDetails = new ErrorDetails(scope.Label + ": " + message) { RecommendedAction = record.ErrorDetails?.RecommendedAction };
            }
            return record;
        }

#pragma warning disable CS1998 // an async iterator over a list
        private static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> items)
        {
            foreach (var item in items) yield return item;
        }
#pragma warning restore CS1998
    }
}
