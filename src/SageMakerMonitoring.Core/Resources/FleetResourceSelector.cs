using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>
    /// The selection of every scope of a call (each account × Region), one after the other, as one stream of
    /// <see cref="FleetItem"/>s for <see cref="FanOutRunner"/>: each scope's names and patterns through its own
    /// <see cref="SageMakerResourceSelector"/>. A scope whose listing fails yields one failure item and the next scope is
    /// read; with several scopes, warnings name the scope they are about.
    /// </summary>
    public static class FleetResourceSelector
    {
        public static async IAsyncEnumerable<FleetItem> SelectAsync(IReadOnlyList<FleetScope> scopes, ResourceSelection selection, IOperationReporter reporter,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (scopes is null) throw new ArgumentNullException(nameof(scopes));
            SageMakerResourceSelector.Validate(selection);
            foreach (var scope in scopes)
            {
                var scopeReporter = scopes.Count > 1 ? new ScopeReporter(reporter, scope.Label) : reporter;
                var selector = new SageMakerResourceSelector(scope.Clients.CreateSageMaker(), scopeReporter);
                var items = selector.SelectAsync(selection, cancellationToken).GetAsyncEnumerator(cancellationToken);
                try
                {
                    while (true)
                    {
                        SelectedResource? selected = null;
                        Exception? failure = null;
                        try
                        {
                            if (!await items.MoveNextAsync().ConfigureAwait(false)) break;
                            selected = items.Current;
                        }
                        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                        {
                            failure = ex;
                        }
                        if (failure != null)
                        {
                            yield return new FleetItem(scope, null) { Failure = failure };
                            break;
                        }
                        yield return new FleetItem(scope, selected) { Failure = selected!.Failure };
                    }
                }
                finally
                {
                    await items.DisposeAsync().ConfigureAwait(false);
                }
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
