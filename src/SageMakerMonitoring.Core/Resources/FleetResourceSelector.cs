using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>
    /// The selection of every scope of a call (each account × Region) as one stream of <see cref="FleetItem"/>s for
    /// <see cref="FanOutRunner"/>: each scope's names and patterns through its own <see cref="SageMakerResourceSelector"/>,
    /// taken in turn, one item of each scope per round. Interleaving is what lets the runner's few slots read several
    /// Regions at once, each under its own quota, instead of draining one Region's quota before starting the next. A
    /// scope whose listing fails yields one failure item and the others go on; with several scopes, warnings name the
    /// scope they are about.
    /// </summary>
    public static class FleetResourceSelector
    {
        public static async IAsyncEnumerable<FleetItem> SelectAsync(IReadOnlyList<FleetScope> scopes, ResourceSelection selection, IOperationReporter reporter,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (scopes is null) throw new ArgumentNullException(nameof(scopes));
            SageMakerResourceSelector.Validate(selection);
            var active = new List<(FleetScope Scope, IAsyncEnumerator<SelectedResource> Items)>();
            try
            {
                foreach (var scope in scopes)
                {
                    var scopeReporter = scopes.Count > 1 ? new ScopeReporter(reporter, scope.Label) : reporter;
                    var selector = new SageMakerResourceSelector(scope.Clients.CreateSageMaker(), scopeReporter);
                    active.Add((scope, selector.SelectAsync(selection, cancellationToken).GetAsyncEnumerator(cancellationToken)));
                }
                while (active.Count > 0)
                {
                    for (var i = 0; i < active.Count;)
                    {
                        var (scope, items) = active[i];
                        SelectedResource? selected = null;
                        Exception? failure = null;
                        var more = false;
                        try
                        {
                            more = await items.MoveNextAsync().ConfigureAwait(false);
                            if (more) selected = items.Current;
                        }
                        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                        {
                            failure = ex;
                        }
                        if (failure != null || !more)
                        {
                            active.RemoveAt(i);
                            await items.DisposeAsync().ConfigureAwait(false);
                            if (failure != null) yield return new FleetItem(scope, null) { Failure = failure };
                            continue;
                        }
                        yield return new FleetItem(scope, selected) { Failure = selected!.Failure };
                        i++;
                    }
                }
            }
            finally
            {
                foreach (var (_, items) in active) await items.DisposeAsync().ConfigureAwait(false);
            }
        }

        private sealed class ScopeReporter : IOperationReporter
        {
            private readonly IOperationReporter _inner;
            private readonly string _label;

            public ScopeReporter(IOperationReporter inner, string label)
            {
                _inner = inner;
                _label = label;
            }

            public void Verbose(string message) => _inner.Verbose(_label + ": " + message);
            public void Warning(string message) => _inner.Warning(_label + ": " + message);
            public void Progress(ProgressInfo progress) => _inner.Progress(progress);
        }
    }
}
